package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.SearchRequest;

/** The Spring wiring, without a whole application: settings, the bean, feeders, the close at shutdown. */
class ArchiveConfigurationTests {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ArchiveConfiguration.class);

    @Test
    void opensTheArchiveUnderTheDataFolderWithDefaultSettings() {
        runner.withPropertyValues("lienthong.data-dir=" + dir).run(context -> {
            assertThat(context).hasSingleBean(Archive.class);
            ArchiveSettings settings = context.getBean(LuceneArchive.class).settings();
            assertThat(settings.directory()).isEqualTo(dir.resolve("archive").toAbsolutePath().normalize());
            assertThat(settings.refreshInterval()).isEqualTo(Duration.ofMillis(500));
            assertThat(settings.attachments().maxChars()).isEqualTo(1_000_000);
            assertThat(Files.exists(dir.resolve("archive").resolve(LuceneArchive.OPEN_MARKER))).isTrue();
        });
        // closed with the context: a clean shutdown
        assertThat(Files.exists(dir.resolve("archive").resolve(LuceneArchive.OPEN_MARKER))).isFalse();
    }

    @Test
    void rebuildsFromFeederBeans() {
        runner.withPropertyValues("lienthong.archive.directory=" + dir.resolve("idx"))
                .withUserConfiguration(ChatFeeder.class).run(context -> {
                    LuceneArchive archive = context.getBean(LuceneArchive.class);
                    assertThat(archive.rebuild().sources()).hasSize(1);
                    assertThat(archive.search(SearchRequest.of("in:chat", TestArchives.AS_AN)).total()).isEqualTo(1);
                });
    }

    @Test
    void refusesARefreshIntervalOverOneSecondWithAClearMessage() {
        runner.withPropertyValues("lienthong.data-dir=" + dir, "lienthong.archive.refresh-interval=5s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lienthong.archive.refresh-interval");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ChatFeeder {

        @Bean
        ArchiveFeeder chatFeeder() {
            return LuceneArchiveTests.feeder("chat", archive -> archive.put(RobustnessTests.message(1)));
        }
    }
}
