package vn.lienthong.meetings;

import java.time.Instant;

/** A document attached to a meeting (tài liệu họp). */
public record DocumentView(long id, String name, String contentType, long size, String uploadedBy,
                           Instant uploadedAt) {
}
