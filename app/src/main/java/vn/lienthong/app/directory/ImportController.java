package vn.lienthong.app.directory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.ImportKind;
import vn.lienthong.directory.ImportReport;

/**
 * Nhập CSV: units or officials from a CSV file, all or nothing. The page shows what was imported, or every bad line
 * by number and that nothing was imported.
 */
@Controller
class ImportController {

    private final DirectoryAdministration administration;
    private final MultipartProperties multipart;

    ImportController(DirectoryAdministration administration, MultipartProperties multipart) {
        this.administration = administration;
        this.multipart = multipart;
    }

    @ModelAttribute("kinds")
    ImportKind[] kinds() {
        return ImportKind.values();
    }

    @ModelAttribute("maxSize")
    String maxSize() {
        return multipart.getMaxFileSize().toKilobytes() >= 1024
                ? multipart.getMaxFileSize().toMegabytes() + " MB"
                : multipart.getMaxFileSize().toKilobytes() + " KB";
    }

    @GetMapping("/admin/import")
    String form(@RequestParam(name = "too-large", required = false) String tooLarge, Model model) {
        model.addAttribute("kind", ImportKind.OFFICIALS);
        if (tooLarge != null) {
            model.addAttribute("errorKey", "admin.import.tooLarge");
        }
        return "admin/import";
    }

    @PostMapping("/admin/import")
    String upload(@RequestParam(name = "kind", required = false) ImportKind kind,
                  @RequestParam(name = "file", required = false) MultipartFile file, Authentication authentication,
                  Model model) throws IOException {
        model.addAttribute("kind", kind == null ? ImportKind.OFFICIALS : kind);
        if (kind == null) {
            model.addAttribute("errorKey", "admin.import.noKind");
            return "admin/import";
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("errorKey", "admin.import.noFile");
            return "admin/import";
        }
        // The container lets larger uploads through for mail attachments; a CSV keeps the multipart limit.
        if (file.getSize() > multipart.getMaxFileSize().toBytes()) {
            model.addAttribute("errorKey", "admin.import.tooLarge");
            return "admin/import";
        }
        ImportReport report;
        try (InputStream csv = file.getInputStream()) {
            report = administration.importCsv(authentication.getName(), kind, csv);
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("importedAt", Instant.now());
        return "admin/import";
    }
}
