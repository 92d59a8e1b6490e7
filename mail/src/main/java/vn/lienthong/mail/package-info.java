/**
 * Mail: official mailboxes on Apache James and the webmail. Uses the directory's and the archive's APIs.
 * (Being built.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package vn.lienthong.mail;
