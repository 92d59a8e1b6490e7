package vn.lienthong.archive.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the archive, under {@code lienthong.archive}.
 *
 * @param directory      where the index lives; default {@code ${lienthong.data-dir}/archive}
 * @param commitInterval how often changes are made durable (a crash loses at most this much, which the
 *                       start-up rebuild then restores)
 * @param refreshInterval how soon a put becomes searchable; at most 1 s
 * @param ramBufferMb    indexing buffer of the IndexWriter, in MB
 * @param verifyOnStart  verify every index file's checksum at start-up (reads the whole index once)
 * @param rebuildAfterUncleanShutdown re-feed all sources at start-up when the archive was not closed cleanly
 * @param timeZone       time zone of the month facet and of {@code after:}/{@code before:} dates
 * @param attachments    limits of attachment text extraction
 */
@Validated
@ConfigurationProperties("lienthong.archive")
public record ArchiveSettings(
        Path directory,
        @NotNull @DefaultValue("60s") Duration commitInterval,
        @NotNull @DefaultValue("500ms") Duration refreshInterval,
        @Min(value = 16, message = "lienthong.archive.ram-buffer-mb phải từ 16 trở lên")
        @Max(value = 2000, message = "lienthong.archive.ram-buffer-mb phải từ 2000 trở xuống")
        @DefaultValue("64") int ramBufferMb,
        @DefaultValue("true") boolean verifyOnStart,
        @DefaultValue("true") boolean rebuildAfterUncleanShutdown,
        @NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone,
        @Valid @NotNull @DefaultValue Attachments attachments) {

    /**
     * @param maxSize  larger files are indexed by name only
     * @param timeout  extraction of one file that takes longer is abandoned; the file is indexed by name only
     * @param maxChars text kept per file
     */
    public record Attachments(
            @NotNull @DefaultValue("20MB") DataSize maxSize,
            @NotNull @DefaultValue("15s") Duration timeout,
            @Min(value = 1, message = "lienthong.archive.attachments.max-chars phải lớn hơn 0")
            @DefaultValue("1000000") int maxChars) {
    }

    @AssertTrue(message = "lienthong.archive.refresh-interval phải từ 10ms đến 1s: mục mới phải tìm được trong 1 giây")
    boolean isRefreshIntervalValid() {
        return refreshInterval == null
                || (refreshInterval.toMillis() >= 10 && refreshInterval.compareTo(Duration.ofSeconds(1)) <= 0);
    }

    @AssertTrue(message = "lienthong.archive.commit-interval phải từ 1s trở lên")
    boolean isCommitIntervalValid() {
        return commitInterval == null || commitInterval.compareTo(Duration.ofSeconds(1)) >= 0;
    }

    /** The defaults, with the index in {@code directory}. */
    public static ArchiveSettings defaults(Path directory) {
        return new ArchiveSettings(directory, Duration.ofSeconds(60), Duration.ofMillis(500), 64, true, true,
                ZoneId.of("Asia/Ho_Chi_Minh"),
                new Attachments(DataSize.ofMegabytes(20), Duration.ofSeconds(15), 1_000_000));
    }

    public ArchiveSettings withDirectory(Path directory) {
        return new ArchiveSettings(directory, commitInterval, refreshInterval, ramBufferMb, verifyOnStart,
                rebuildAfterUncleanShutdown, timeZone, attachments);
    }

    public ArchiveSettings withCommitInterval(Duration commitInterval) {
        return new ArchiveSettings(directory, commitInterval, refreshInterval, ramBufferMb, verifyOnStart,
                rebuildAfterUncleanShutdown, timeZone, attachments);
    }

    public ArchiveSettings withAttachments(Attachments attachments) {
        return new ArchiveSettings(directory, commitInterval, refreshInterval, ramBufferMb, verifyOnStart,
                rebuildAfterUncleanShutdown, timeZone, attachments);
    }
}
