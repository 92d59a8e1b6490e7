package vn.lienthong.meetings.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With profile prod the application refuses to start on the development Jitsi secrets. */
class MeetingsProductionGuardTests {

    @Test
    void prodRefusesTheDefaultSecretsNamingBothSettings() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        MeetingsProductionGuard guard = new MeetingsProductionGuard();
        guard.setEnvironment(environment);

        assertThatThrownBy(() -> guard.postProcessBeanFactory(new DefaultListableBeanFactory()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lienthong.meetings.jitsi.secret")
                .hasMessageContaining("lienthong.meetings.jitsi.hook-secret");
    }

    @Test
    void prodRefusesAShortSecretAndAcceptsStrongOnesOrAnRsaKey() {
        MockEnvironment weak = new MockEnvironment()
                .withProperty("lienthong.meetings.jitsi.secret", "ngan-qua")
                .withProperty("lienthong.meetings.jitsi.hook-secret", "x".repeat(40));
        assertThat(MeetingsProductionGuard.problems(weak)).singleElement().asString()
                .startsWith("lienthong.meetings.jitsi.secret");

        MockEnvironment strong = new MockEnvironment()
                .withProperty("lienthong.meetings.jitsi.secret", "f7c1b6e2a9d04c3e8b5a1f6d2e9c7b40")
                .withProperty("lienthong.meetings.jitsi.hook-secret", "0b8e4f2a6c1d9e7b3a5f8c2d4e6b1a9c");
        assertThat(MeetingsProductionGuard.problems(strong)).isEmpty();

        MockEnvironment rsa = new MockEnvironment()
                .withProperty("lienthong.meetings.jitsi.private-key", "/etc/lienthong/jitsi.pem")
                .withProperty("lienthong.meetings.jitsi.hook-secret", "0b8e4f2a6c1d9e7b3a5f8c2d4e6b1a9c");
        assertThat(MeetingsProductionGuard.problems(rsa)).isEmpty();
    }

    @Test
    void withoutProdTheDefaultsAreAccepted() {
        MeetingsProductionGuard guard = new MeetingsProductionGuard();
        guard.setEnvironment(new MockEnvironment());

        guard.postProcessBeanFactory(new DefaultListableBeanFactory());
    }
}
