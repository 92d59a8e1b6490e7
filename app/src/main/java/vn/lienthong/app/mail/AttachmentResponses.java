package vn.lienthong.app.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.lienthong.mail.AttachmentContent;

/**
 * An attachment as a download. Always {@code Content-Disposition: attachment} (never shown inside the app's origin),
 * types a browser would run or render as a page are sent as {@code application/octet-stream}, and the response
 * carries a policy that forbids everything in case a browser shows it anyway.
 */
final class AttachmentResponses {

    private static final Set<String> ACTIVE = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "text/javascript", "application/javascript", "application/x-javascript",
            "text/xsl", "multipart/x-mixed-replace");

    private AttachmentResponses() {
    }

    static ResponseEntity<byte[]> download(AttachmentContent attachment) {
        return ResponseEntity.ok()
                .contentType(safeType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName() == null ? "tep-dinh-kem" : attachment.fileName(),
                                StandardCharsets.UTF_8)
                        .build().toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.content());
    }

    static MediaType safeType(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType == null ? "" : contentType);
            String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            if (ACTIVE.contains(base) || base.endsWith("+xml") || type.isWildcardType() || type.isWildcardSubtype()) {
                return MediaType.APPLICATION_OCTET_STREAM;
            }
            return new MediaType(type.getType(), type.getSubtype());
        }
        catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
