package vn.lienthong.archive.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
 * @param engine         where the index lives: the embedded Lucene index (one server) or a SolrCloud collection
 *                       (several application instances)
 * @param solr           the SolrCloud collection, when {@code engine} is {@code solr}
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
        @Valid @NotNull @DefaultValue Attachments attachments,
        @NotNull @DefaultValue("lucene") Engine engine,
        @Valid @NotNull @DefaultValue Solr solr) {

    /** The index behind the archive. */
    public enum Engine {
        /** Embedded Lucene under {@code directory}: one application instance. */
        LUCENE,
        /** A SolrCloud collection shared by every application instance. */
        SOLR
    }

    /**
     * The SolrCloud collection of the archive ({@code engine: solr}). Give either {@code zkHosts} (preferred: the
     * client follows the cluster state) or {@code urls} of some Solr nodes.
     *
     * @param zkHosts           ZooKeeper ensemble, e.g. {@code zk1:2181,zk2:2181,zk3:2181}
     * @param zkChroot          ZooKeeper chroot of the cluster, e.g. {@code /solr}; empty for none
     * @param urls              Solr base URLs, e.g. {@code http://solr1:8983/solr}, when no ZooKeeper is given
     * @param collection        the collection; created with the archive's configset when missing
     * @param shards            shards of a collection created at start-up (ignored once it exists)
     * @param replicationFactor copies of each shard (ignored once it exists); 2 or more survive a node's loss
     * @param commitWithin      how soon a put is searchable (a soft commit); at most 1 s
     * @param timeout           connect and request timeout of the Solr client
     */
    public record Solr(
            List<String> zkHosts,
            String zkChroot,
            List<String> urls,
            @NotNull @DefaultValue("lienthong-archive") String collection,
            @Min(value = 1, message = "lienthong.archive.solr.shards phải từ 1 trở lên")
            @DefaultValue("2") int shards,
            @Min(value = 1, message = "lienthong.archive.solr.replication-factor phải từ 1 trở lên")
            @DefaultValue("2") int replicationFactor,
            @NotNull @DefaultValue("500ms") Duration commitWithin,
            @NotNull @DefaultValue("30s") Duration timeout) {

        public Solr {
            zkHosts = zkHosts == null ? List.of() : List.copyOf(zkHosts);
            urls = urls == null ? List.of() : List.copyOf(urls);
            zkChroot = zkChroot == null || zkChroot.isBlank() ? null : zkChroot;
        }

        /** No cluster given: only valid with the Lucene engine. */
        public static Solr none() {
            return new Solr(List.of(), null, List.of(), "lienthong-archive", 2, 2, Duration.ofMillis(500),
                    Duration.ofSeconds(30));
        }

        @AssertTrue(message = "lienthong.archive.solr.commit-within phải từ 10ms đến 1s: mục mới phải tìm được trong 1 giây")
        boolean isCommitWithinValid() {
            return commitWithin == null
                    || (commitWithin.toMillis() >= 10 && commitWithin.compareTo(Duration.ofSeconds(1)) <= 0);
        }
    }

    @AssertTrue(message = "lienthong.archive.engine là solr: cần lienthong.archive.solr.zk-hosts hoặc lienthong.archive.solr.urls")
    boolean isSolrClusterGiven() {
        return engine != Engine.SOLR || solr == null || !solr.zkHosts().isEmpty() || !solr.urls().isEmpty();
    }

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
                new Attachments(DataSize.ofMegabytes(20), Duration.ofSeconds(15), 1_000_000), Engine.LUCENE,
                Solr.none());
    }

    /** The defaults, on the SolrCloud collection described by {@code solr}. */
    public static ArchiveSettings solr(Solr solr) {
        return defaults(null).withEngine(Engine.SOLR, solr);
    }

    public ArchiveSettings withEngine(Engine engine, Solr solr) {
        return new ArchiveSettings(directory, commitInterval, refreshInterval, ramBufferMb, verifyOnStart,
                rebuildAfterUncleanShutdown, timeZone, attachments, engine, solr);
    }

    public ArchiveSettings withDirectory(Path directory) {
        return new ArchiveSettings(directory, commitInterval, refreshInterval, ramBufferMb, verifyOnStart,
                rebuildAfterUncleanShutdown, timeZone, attachments, engine, solr);
    }

    public ArchiveSettings withCommitInterval(Duration commitInterval) {
        return new ArchiveSettings(directory, commitInterval, refreshInterval, ramBufferMb, verifyOnStart,
                rebuildAfterUncleanShutdown, timeZone, attachments, engine, solr);
    }

    public ArchiveSettings withAttachments(Attachments attachments) {
        return new ArchiveSettings(directory, commitInterval, refreshInterval, ramBufferMb, verifyOnStart,
                rebuildAfterUncleanShutdown, timeZone, attachments, engine, solr);
    }
}
