package vn.lienthong.meetings;

/**
 * A new private feed address: {@code url} is {@code <base-url>/calendar/feed/<token>.ics}. Only its hash is
 * stored: show it now, it cannot be read again (rotate for a new one).
 */
public record NewFeed(String url, String token) {
}
