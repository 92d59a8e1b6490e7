package vn.lienthong.mail;

/**
 * A message carrying an iCalendar part ({@code text/calendar}) reached a local mailbox, published once per local
 * recipient after James stored it, so that meetings can take iMIP answers ({@code METHOD:REPLY}) without reading
 * mailboxes. Published for mail from inside and outside the suite, Thunderbird included. Delivery is at least once:
 * the same {@code messageId} may come again after a crash, so listeners must be idempotent.
 *
 * @param recipientAddress  the local address it was delivered to (lower case)
 * @param recipientUsername the official owning that address, or {@code null} (a unit or system address)
 * @param fromAddress       the envelope sender, else the From address (lower case); may be empty for a bounce
 * @param method            the iTIP method, from the part's {@code method} parameter or the {@code METHOD} property
 *                          ({@code REQUEST}, {@code REPLY}, {@code CANCEL}, ...), upper case; empty if neither says
 * @param ics               the calendar text
 * @param messageId         the normalised Message-ID (no angle brackets, lower case)
 */
public record CalendarMessageReceived(String recipientAddress, String recipientUsername, String fromAddress,
                                      String method, String ics, String messageId) {
}
