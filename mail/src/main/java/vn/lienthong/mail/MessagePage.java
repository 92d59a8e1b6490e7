package vn.lienthong.mail;

import java.util.List;

/** A page of a folder, newest first. {@code page} counts from 1. */
public record MessagePage(String folder, int page, int pageSize, int total, List<MessageSummary> messages) {

    public MessagePage {
        messages = List.copyOf(messages);
    }

    public int pages() {
        return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
    }
}
