package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.archive.internal.TestArchives.AN;
import static vn.lienthong.archive.internal.TestArchives.ids;
import static vn.lienthong.archive.internal.TestArchives.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Attachment;

/** Attachment text through Tika: real files made here, a broken one, an oversized one. */
class AttachmentTests {

    @TempDir
    static Path dir;

    private static LuceneArchive archive;

    @BeforeAll
    static void open() {
        // Small size limit to test it; a generous time limit since the first parse loads Tika.
        archive = LuceneArchive.open(ArchiveSettings.defaults(dir).withAttachments(
                new ArchiveSettings.Attachments(DataSize.ofKilobytes(64), Duration.ofSeconds(60), 100_000)), java.util.List::of);
    }

    @AfterAll
    static void close() {
        archive.close();
    }

    private static void putWith(String id, Attachment attachment) {
        archive.put(ArchiveItem.builder("mail", id).title("Thư có tệp " + id).time(Instant.now())
                .attachment(attachment).readers(AN).build());
        archive.refresh();
    }

    @Test
    void indexesTheTextOfAPdf() throws IOException {
        putWith("pdf", Attachment.ofContent("bao-cao.pdf", pdf("Bao cao quy hoach vung nuoi tom 2026")));

        assertThat(ids(search(archive, "quy hoach nuoi tom"))).containsExactly("pdf");
        assertThat(search(archive, "quy hoach nuoi tom").hits().get(0).snippet()).contains("<mark>tom</mark>");
    }

    @Test
    void indexesTheTextOfADocx() throws IOException {
        putWith("docx", Attachment.ofContent("ke-hoach.docx", docx("Kế hoạch nâng cấp mạng truyền số liệu chuyên dùng")));

        assertThat(ids(search(archive, "truyen so lieu chuyen dung"))).containsExactly("docx");
    }

    @Test
    void indexesTheTextOfAnXlsx() throws IOException {
        putWith("xlsx", Attachment.ofContent("danh-sach.xlsx", xlsx("Danh sách cán bộ xã Châu Thới")));

        assertThat(ids(search(archive, "\"chau thoi\""))).containsExactly("xlsx");
    }

    @Test
    void indexesTheTextOfAnOdt() throws IOException {
        putWith("odt", Attachment.ofContent("bien-ban.odt", odt("Biên bản phiên họp thường kỳ tháng mười")));

        assertThat(ids(search(archive, "phien hop thuong ky"))).containsExactly("odt");
    }

    @Test
    void indexesPlainText() {
        putWith("txt", Attachment.ofContent("ghi-chu.txt", "Ghi chú: đê bao ngăn mặn".getBytes(StandardCharsets.UTF_8)));

        assertThat(ids(search(archive, "de bao ngan man"))).containsExactly("txt");
    }

    @Test
    void indexesABrokenFileByNameWithoutLosingTheItem() {
        putWith("broken", Attachment.ofContent("hong-hoc.pdf", "%PDF-1.7\nthis is not really a pdf".getBytes(StandardCharsets.US_ASCII)));

        assertThat(ids(search(archive, "hong hoc has:attachment"))).containsExactly("broken");
        assertThat(search(archive, "tep broken").hits().get(0).attachments()).containsExactly("hong-hoc.pdf");
    }

    @Test
    void indexesAnOversizedFileByNameOnly() {
        String text = "kiểm tra dung lượng ".repeat(5_000); // ~100 KB, over the 64 KB limit
        putWith("big", Attachment.ofContent("rat-lon.txt", text.getBytes(StandardCharsets.UTF_8)));

        assertThat(ids(search(archive, "rat lon"))).containsExactly("big");
        assertThat(search(archive, "kiem tra dung luong").total()).isZero();
    }

    private static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text); // the standard fonts have no Vietnamese glyphs
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx(String text) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Danh sách").createRow(0).createCell(0).setCellValue(text);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A minimal OpenDocument text: the mimetype entry first and stored, a manifest, the content. */
    private static byte[] odt(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                     <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>
                    """).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                      xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                     <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                    </office:document-content>
                    """.formatted(text)).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
