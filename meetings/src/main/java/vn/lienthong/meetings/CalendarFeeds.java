package vn.lienthong.meetings;

/**
 * Private, revocable iCalendar feeds (for a phone or Thunderbird): one secret address per official, serving their
 * calendar ({@code METHOD:PUBLISH}) without a login. The token is random (256 bits) and stored hashed (SHA-256).
 */
public interface CalendarFeeds {

    FeedStatus status(String username);

    /** Makes a new address; the previous one (if any) stops working at once. */
    NewFeed rotate(String username);

    /** Removes the address; fetching it answers 404 from now on. */
    void revoke(String username);
}
