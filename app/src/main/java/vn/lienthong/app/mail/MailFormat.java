package vn.lienthong.app.mail;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Sizes as the webmail's pages show them ({@code ${@mailFormat.size(a.size)}}): "850 B", "12 KB", "2,4 MB". */
@Component("mailFormat")
public class MailFormat {

    public String size(long bytes) {
        if (bytes < 1024) {
            return Math.max(bytes, 0) + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace('.', ',');
    }
}
