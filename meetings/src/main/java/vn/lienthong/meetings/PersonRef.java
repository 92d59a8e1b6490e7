package vn.lienthong.meetings;

/** An official as meetings show them. {@code unitName} is the name of the unit they work in. */
public record PersonRef(String username, String fullName, String title, String email, String unitName) {
}
