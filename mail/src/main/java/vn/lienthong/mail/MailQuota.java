package vn.lienthong.mail;

import java.util.OptionalLong;

/**
 * A mailbox quota: the most bytes and the most messages an account may hold. Empty means no limit of its own
 * (the domain's or the global one applies).
 */
public record MailQuota(OptionalLong maxBytes, OptionalLong maxMessages) {

    public static MailQuota of(long maxBytes, long maxMessages) {
        return new MailQuota(OptionalLong.of(maxBytes), OptionalLong.of(maxMessages));
    }

    public static MailQuota unlimited() {
        return new MailQuota(OptionalLong.empty(), OptionalLong.empty());
    }
}
