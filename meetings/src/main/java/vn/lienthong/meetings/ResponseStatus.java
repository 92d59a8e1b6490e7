package vn.lienthong.meetings;

import java.util.Locale;

/** An invitee's answer, as iCalendar's PARTSTAT. */
public enum ResponseStatus {
    /** Chưa trả lời. */
    NEEDS_ACTION("NEEDS-ACTION"),
    /** Tham dự. */
    ACCEPTED("ACCEPTED"),
    /** Không tham dự. */
    DECLINED("DECLINED"),
    /** Chưa chắc chắn. */
    TENTATIVE("TENTATIVE");

    private final String partstat;

    ResponseStatus(String partstat) {
        this.partstat = partstat;
    }

    /** The iCalendar PARTSTAT value ({@code NEEDS-ACTION}, {@code ACCEPTED}, ...). */
    public String partstat() {
        return partstat;
    }

    /** The status for a PARTSTAT value, or {@code null} for one we do not take (DELEGATED, COMPLETED, ...). */
    public static ResponseStatus fromPartstat(String value) {
        if (value == null) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (ResponseStatus status : values()) {
            if (status.partstat.equals(wanted)) {
                return status;
            }
        }
        return null;
    }
}
