package vn.lienthong.app.mail;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting a recipients field as officials type it. */
class AddressListTests {

    @Test
    void splitsOnCommasAndSemicolonsAndDropsEmptyPieces() {
        assertThat(AddressList.split("Trần Thị Bình <binh.tran@vinhloi.baclieu.gov.vn>, vanphong@baclieu.gov.vn;"
                + " ; an.nguyen@baclieu.gov.vn,"))
                .containsExactly("Trần Thị Bình <binh.tran@vinhloi.baclieu.gov.vn>", "vanphong@baclieu.gov.vn",
                        "an.nguyen@baclieu.gov.vn");
    }

    @Test
    void keepsCommasInsideQuotesAndAngleBrackets() {
        assertThat(AddressList.split("\"Văn phòng HĐND, UBND\" <vanphong@vinhloi.baclieu.gov.vn>, b@x.vn"))
                .containsExactly("\"Văn phòng HĐND, UBND\" <vanphong@vinhloi.baclieu.gov.vn>", "b@x.vn");
        assertThat(AddressList.split("<odd,address@x.vn>")).containsExactly("<odd,address@x.vn>");
    }

    @Test
    void emptyOrMissingFieldHasNoRecipients() {
        assertThat(AddressList.split(null)).isEmpty();
        assertThat(AddressList.split("  , ;")).isEmpty();
        assertThat(AddressList.join(List.of())).isEmpty();
        assertThat(AddressList.join(List.of("a@x.vn", "b@x.vn"))).isEqualTo("a@x.vn, b@x.vn");
    }

    @Test
    void attachmentReferencesKeepFolderNamesWithColons() {
        assertThat(AttachmentRef.parse("12:2.1:Dự án: 2026")).contains(new AttachmentRef(12, "2.1", "Dự án: 2026"));
        assertThat(AttachmentRef.parse("12:2:INBOX").orElseThrow().toString()).isEqualTo("12:2:INBOX");
        assertThat(AttachmentRef.parse("x:2:INBOX")).isEmpty();
        assertThat(AttachmentRef.parse("0:2:INBOX")).isEmpty();
        assertThat(AttachmentRef.parse("12:../2:INBOX")).isEmpty();
        assertThat(AttachmentRef.parse("12:2:")).isEmpty();
        assertThat(AttachmentRef.parse(null)).isEmpty();
    }
}
