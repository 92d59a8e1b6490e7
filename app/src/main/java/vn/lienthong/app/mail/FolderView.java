package vn.lienthong.app.mail;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.lienthong.mail.MailFolder;

/**
 * A folder as the side bar shows it: the four standard folders and the ones James creates for every mailbox
 * (Archive, Outbox, Spam) get names in the page's language ({@code mail.folder.<IMAP name>}); the official's own
 * folders keep their names.
 *
 * @param name  the IMAP name, for links and calls
 * @param label what the page shows
 */
public record FolderView(String name, String label, boolean special, int total, int unread) {

    static List<FolderView> of(List<MailFolder> folders, MessageSource messages, Locale locale) {
        return folders.stream().map(folder -> new FolderView(folder.name(), label(folder.name(),
                folder.displayName(), messages, locale), folder.special(), folder.total(), folder.unread())).toList();
    }

    static String label(String name, String displayName, MessageSource messages, Locale locale) {
        return messages.getMessage("mail.folder." + name, null, displayName == null ? name : displayName, locale);
    }
}
