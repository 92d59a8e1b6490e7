package vn.lienthong.chat.internal;

/**
 * Published inside the transaction that changed what the archive should hold for a channel; acted on after
 * commit by {@link ChatArchive}.
 *
 * @param sequence the message stored, edited or deleted; {@code null} when the readers of every message of the
 *                 channel changed (members, unit code, merge)
 */
record ArchiveUpdate(long channelId, Long sequence) {

    static ArchiveUpdate message(long channelId, long sequence) {
        return new ArchiveUpdate(channelId, sequence);
    }

    static ArchiveUpdate wholeChannel(long channelId) {
        return new ArchiveUpdate(channelId, null);
    }
}
