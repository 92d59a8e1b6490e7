package vn.lienthong.meetings;

/** Who sees a meeting besides those who run it. */
public enum Visibility {
    /**
     * Công khai với các đơn vị: the chair, the named participants and every official of the endpoint units (and of
     * the offices inside them) are invited; the endpoints' unit addresses get the invitation.
     */
    PUBLIC_TO_UNITS,
    /**
     * Riêng: only the chair, the named participants and the outside guests are invited and see it; the endpoints
     * are the rooms used, their officials are not told.
     */
    PRIVATE
}
