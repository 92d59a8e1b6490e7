package vn.lienthong.meetings.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.directory.MachineEndpoints;

/** The meetings' settings, clock, and the paths that Jitsi and calendar programs call with their own secret. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeetingsSettings.class)
class MeetingsConfiguration {

    @Bean
    MeetingClock meetingClock() {
        return new MeetingClock(Clock.systemUTC());
    }

    /**
     * Prosody's hooks check {@code X-Jitsi-Hook-Secret}; a feed's token and a guest's link token are their credentials
     * (stored hashed). The guest's page itself ({@code GET /meetings/guest/<token>}) is the app module's.
     */
    @Bean
    MachineEndpoints meetingMachineEndpoints() {
        return MachineEndpoints.of(JitsiHookController.PATH + "/**", "/calendar/feed/**",
                GuestRoomController.PATH + "/**");
    }
}
