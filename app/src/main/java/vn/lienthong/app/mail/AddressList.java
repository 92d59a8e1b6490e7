package vn.lienthong.app.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * A recipients field as officials type it: {@code "Trần Thị Bình <binh.tran@...>, vanphong@..."}. Commas and
 * semicolons separate recipients, except inside quotes ({@code "Bình, Trần" <...>}) or angle brackets.
 */
final class AddressList {

    private AddressList() {
    }

    static List<String> split(String field) {
        List<String> recipients = new ArrayList<>();
        if (field == null) {
            return recipients;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angled = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"' && !angled) {
                quoted = !quoted;
            }
            else if (c == '<' && !quoted) {
                angled = true;
            }
            else if (c == '>' && !quoted) {
                angled = false;
            }
            if ((c == ',' || c == ';') && !quoted && !angled) {
                add(recipients, current);
                current.setLength(0);
            }
            else {
                current.append(c);
            }
        }
        add(recipients, current);
        return recipients;
    }

    /** The recipients again as one field, for a form shown back to the official. */
    static String join(List<String> recipients) {
        return recipients == null || recipients.isEmpty() ? "" : String.join(", ", recipients);
    }

    private static void add(List<String> recipients, StringBuilder text) {
        String recipient = text.toString().strip();
        if (!recipient.isEmpty()) {
            recipients.add(recipient);
        }
    }
}
