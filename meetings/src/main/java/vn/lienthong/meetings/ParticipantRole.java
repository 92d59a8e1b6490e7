package vn.lienthong.meetings;

/** Why an official is on a meeting's list. */
public enum ParticipantRole {
    /** Chủ trì. */
    CHAIR,
    /** Named participant (thành phần mời đích danh). */
    PARTICIPANT
}
