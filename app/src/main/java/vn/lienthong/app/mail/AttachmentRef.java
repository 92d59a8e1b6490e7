package vn.lienthong.app.mail;

import java.util.Optional;

/**
 * An attachment that is already in the official's mailbox, carried by the compose form instead of its bytes:
 * {@code "<uid>:<partId>:<folder>"} (the folder last, because folder names may contain colons). It is only ever
 * resolved through the signed-in official's own mailbox, so a forged one finds nothing of anyone else's.
 */
record AttachmentRef(long uid, String partId, String folder) {

    static Optional<AttachmentRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 3);
        if (parts.length != 3 || parts[2].isBlank() || !parts[1].matches("[0-9]+(\\.[0-9]+)*")) {
            return Optional.empty();
        }
        try {
            long uid = Long.parseLong(parts[0]);
            return uid > 0 ? Optional.of(new AttachmentRef(uid, parts[1], parts[2])) : Optional.empty();
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return uid + ":" + partId + ":" + folder;
    }
}
