package vn.lienthong.chat;

/**
 * A file sent in a message. Its bytes are downloaded from {@code GET /api/v1/chat/files/{id}} by members of the
 * message's channel only; the id is random, but knowing it grants nothing.
 *
 * @param id          opaque id (a UUID)
 * @param name        the file name as the sender's browser gave it, without any folder (plain text: escape it)
 * @param size        bytes
 * @param contentType the media type the sender's browser declared ({@code application/octet-stream} when it
 *                    declared none or something malformed); downloads are always sent as attachments
 */
public record ChatFile(String id, String name, long size, String contentType) {
}
