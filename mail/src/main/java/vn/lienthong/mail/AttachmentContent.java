package vn.lienthong.mail;

/** An attachment's bytes, as downloaded. */
public record AttachmentContent(String fileName, String contentType, byte[] content) {
}
