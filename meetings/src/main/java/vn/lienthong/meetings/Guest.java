package vn.lienthong.meetings;

/**
 * An outside guest (khách mời ngoài hệ thống), invited by e-mail only.
 *
 * @param email the address the invitation goes to
 * @param name  the name shown in the invitation, may be empty
 */
public record Guest(String email, String name) {
}
