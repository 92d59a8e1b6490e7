package vn.lienthong.chat;

/** What a channel is for; decides who belongs to it and who may post. */
public enum ChannelKind {
    /** One per active unit, kept in step with the directory: the unit's active officials (and its unit admins). */
    UNIT,
    /** One per meeting, opened and filled by the meetings module. */
    MEETING,
    /** Two officials; exactly one per pair. */
    DIRECT,
    /** A small conversation started by an official; the starter moderates. */
    GROUP,
    /** Everyone listed reads, only the listed posters post. */
    ANNOUNCEMENT
}
