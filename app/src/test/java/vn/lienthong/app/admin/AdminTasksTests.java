package vn.lienthong.app.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import vn.lienthong.directory.IdentitySync;
import vn.lienthong.directory.IdentitySyncReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The identity provider re-sync, which the shared test suite cannot offer (it runs the embedded identity provider,
 * so no {@link IdentitySync} bean exists): one at a time, in the background, its report or its failure kept.
 */
class AdminTasksTests {

    private static final IdentitySyncReport REPORT = new IdentitySyncReport(1, 2, 0, 3, 4, 1, List.of("user x: 409"));

    @Test
    void resyncRunsInTheBackgroundOneAtATimeAndKeepsItsReport() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AdminTasks tasks = new AdminTasks(null, provider(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return REPORT;
        }));
        assertThat(tasks.identitySyncAvailable()).isTrue();

        assertThat(tasks.startResync("quantri")).isTrue();
        assertThat(tasks.resync().running()).isTrue();
        assertThat(tasks.startResync("quantri")).as("a second one while the first runs").isFalse();
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> !tasks.resync().running());
        BackgroundTask.Run<IdentitySyncReport> run = tasks.resync().last().orElseThrow();
        assertThat(run.failed()).isFalse();
        assertThat(run.report()).isEqualTo(REPORT);
        assertThat(run.startedBy()).isEqualTo("quantri");
        assertThat(run.finished()).isAfterOrEqualTo(run.started());
    }

    @Test
    void unreachableIdentityProviderIsReportedAsAFailure() {
        AdminTasks tasks = new AdminTasks(null, provider(() -> {
            throw new IllegalStateException("Keycloak không phản hồi");
        }));

        assertThat(tasks.startResync("quantri")).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> tasks.resync().last().isPresent());
        assertThat(tasks.resync().last().orElseThrow().error()).isEqualTo("Keycloak không phản hồi");
        assertThat(tasks.resync().running()).isFalse();
    }

    @Test
    void withoutAnIdentityProviderToSyncThereIsNothingToStart() {
        AdminTasks tasks = new AdminTasks(null, new StaticListableBeanFactory().getBeanProvider(IdentitySync.class));

        assertThat(tasks.identitySyncAvailable()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> tasks.startResync("quantri"));
    }

    private static ObjectProvider<IdentitySync> provider(IdentitySync sync) {
        return new StaticListableBeanFactory(Map.of("identitySync", sync)).getBeanProvider(IdentitySync.class);
    }
}
