package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.SearchRequest;

/** The Spring wiring of {@code lienthong.archive.engine: solr}, against the shared test SolrCloud. */
@ExtendWith(TestSolrCloud.class)
class SolrArchiveConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ArchiveConfiguration.class);

    @Test
    void engineSolrWiresTheSolrArchiveOnZooKeeperWithItsHealthAndRebuildsFromFeederBeans() {
        runner.withPropertyValues("lienthong.archive.engine=solr",
                        "lienthong.archive.solr.zk-hosts=" + TestSolrCloud.zkHost(),
                        "lienthong.archive.solr.collection=archive-wiring",
                        "lienthong.archive.solr.commit-within=200ms")
                .withUserConfiguration(ArchiveConfigurationTests.ChatFeeder.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(Archive.class).doesNotHaveBean(LuceneArchive.class);
                    SolrArchive archive = context.getBean(SolrArchive.class);
                    ArchiveSettings.Solr solr = archive.settings().solr();
                    assertThat(solr.shards()).isEqualTo(2);
                    assertThat(solr.replicationFactor()).isEqualTo(2);
                    assertThat(solr.commitWithin()).isEqualTo(Duration.ofMillis(200));
                    assertThat(archive.rebuildNeeded()).isTrue();

                    assertThat(archive.rebuildIfNeeded().succeeded()).isTrue();
                    assertThat(archive.rebuildNeeded()).isFalse();
                    assertThat(archive.search(SearchRequest.of("in:chat", TestArchives.AS_AN)).total()).isEqualTo(1);
                    assertThat(context.getBean("solrArchiveHealthIndicator", HealthIndicator.class).health()
                            .getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void solrNodeUrlsAreEnoughWithoutZooKeeper() {
        String node = TestSolrCloud.node(0).getBaseUrl().toString();
        runner.withPropertyValues("lienthong.archive.engine=SOLR", "lienthong.archive.solr.urls=" + node,
                "lienthong.archive.solr.collection=archive-wiring").run(context -> {
                    SolrArchive archive = context.getBean(SolrArchive.class);
                    archive.refresh();
                    assertThat(archive.status().itemsBySource()).containsKey("chat");
                });
    }

    @Test
    void engineSolrWithoutAClusterFailsWithAClearMessage() {
        runner.withPropertyValues("lienthong.archive.engine=solr").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("lienthong.archive.solr.zk-hosts");
        });
    }

    @Test
    void luceneStaysTheDefaultEngine(@TempDir Path dir) {
        runner.withPropertyValues("lienthong.data-dir=" + dir).run(context -> {
            assertThat(context).hasSingleBean(LuceneArchive.class).doesNotHaveBean(SolrArchive.class)
                    .doesNotHaveBean(SolrArchiveHealthIndicator.class);
        });
    }
}
