package vn.lienthong.directory;

/** An official's name, title, mail, phone or roles changed (or they were reactivated). Published after the change is committed. */
public record OfficialChanged(long officialId, String oldEmail, String newEmail) {
}
