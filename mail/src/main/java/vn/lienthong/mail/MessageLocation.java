package vn.lienthong.mail;

/** Where a message sits in an official's mailbox: the folder's IMAP name and the UID in it. */
public record MessageLocation(String folder, long uid) {
}
