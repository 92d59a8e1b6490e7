package vn.lienthong.meetings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The test application's stand-in for the suite's machine chain (directory's security configuration serves the
 * {@code MachineEndpoints} that {@code MeetingsConfiguration} declares; these tests run without it): the Jitsi
 * hooks and the private feeds authenticate themselves, so they pass without login, session or CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class MachinePathsSecurity {

    @Bean
    @Order(15)
    SecurityFilterChain meetingsMachinePaths(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/meetings/jitsi/**", "/calendar/feed/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
