package vn.lienthong.archive.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;

/**
 * One in-process SolrCloud (embedded ZooKeeper, {@value #NODES} Jetty nodes on 127.0.0.1) for every Solr test
 * class of the run: started by the first class that uses this extension, shut down when the run ends.
 */
final class TestSolrCloud implements BeforeAllCallback {

    static final int NODES = 2;
    /**
     * The collection most test classes share, each emptying it first (classes run one after the other): every
     * collection created costs seconds of core loading on a 2-core machine.
     */
    static final String SHARED = "archive-shared";

    private static volatile Running running;

    /** The cluster and its folder, closed by JUnit at the end of the run. */
    private record Running(MiniSolrCloudCluster cluster, Path base)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws Exception {
            try {
                cluster.shutdown();
            } finally {
                FileSystemUtils.deleteRecursively(base);
                running = null;
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestSolrCloud.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            Path base = Files.createTempDirectory(Path.of("target"), "solrcloud-").toAbsolutePath();
            MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(NODES, base)
                    .withTraceIdGenerationDisabled()
                    .build();
            running = new Running(cluster, base);
            return running;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test SolrCloud", e);
        }
    }

    static MiniSolrCloudCluster cluster() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("Use @ExtendWith(TestSolrCloud.class) on the test class");
        }
        return current.cluster();
    }

    static String zkHost() {
        return cluster().getZkServer().getZkAddress();
    }

    /** Settings of a collection of the test cluster: 2 shards, 2 replicas, the defaults otherwise. */
    static ArchiveSettings settings(String collection) {
        return ArchiveSettings.solr(new ArchiveSettings.Solr(List.of(zkHost()), null, List.of(), collection, 2, 2,
                Duration.ofMillis(500), Duration.ofSeconds(30)));
    }

    static SolrArchive open(String collection) {
        return open(collection, new CopyOnWriteArrayList<>());
    }

    static SolrArchive open(String collection, List<ArchiveFeeder> feeders) {
        return SolrArchive.open(settings(collection), () -> feeders);
    }

    /** Empties the collection and makes that visible. */
    static void clear(SolrArchive archive) {
        try {
            archive.client().deleteByQuery(archive.settings().solr().collection(), "*:*");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        archive.refresh();
    }

    /** Waits until every replica of every collection is active again (after a node came back). */
    static void awaitAllActive() throws IOException {
        try {
            for (String collection : Set.copyOf(cluster().getSolrClient().getClusterState().getCollectionNames())) {
                cluster().waitForActiveCollection(collection, 60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static JettySolrRunner node(int index) {
        return cluster().getJettySolrRunner(index);
    }

    /**
     * A contract's engine on the {@link #SHARED} collection, opened once per test class and emptied before each test
     * (registered as a static {@code @RegisterExtension}; starts the cluster itself when needed).
     */
    static final class SharedCollection implements ArchiveContract.Engine, BeforeAllCallback, AfterAllCallback {

        private SolrArchive solr;

        @Override
        public void beforeAll(ExtensionContext context) {
            new TestSolrCloud().beforeAll(context);
            solr = TestSolrCloud.open(SHARED);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            solr.close();
        }

        @Override
        public Archive open() {
            clear(solr);
            return solr;
        }

        @Override
        public void close(Archive archive) {
            // the collection stays open for the next test
        }
    }
}
