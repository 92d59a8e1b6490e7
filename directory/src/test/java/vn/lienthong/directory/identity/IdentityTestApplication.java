package vn.lienthong.directory.identity;

import java.security.Principal;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.directory.MachineEndpoints;

/**
 * The identity package on a real web server with the real directory internals (H2 in memory, demo data), plus a
 * few test-only endpoints that answer with the caller's name and authorities. The internals' own test
 * configurations and fixtures stay out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({SecurityConfiguration.class, EmbeddedIdentityProvider.class, LoginPage.class})
@ComponentScan(basePackages = "vn.lienthong.directory.internal", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Fixture|Tests?)$")})
class IdentityTestApplication {

    /** A program's endpoint with a secret of its own, as the meetings module declares for Jitsi's hooks. */
    @Bean
    MachineEndpoints probeHooks() {
        return MachineEndpoints.of("/api/test/hooks/**");
    }

    @RestController
    static class Probe {

        private static final ObjectMapper JSON = new ObjectMapper();

        @GetMapping("/api/test/me")
        Map<String, Object> me(Authentication authentication) {
            return describe(authentication);
        }

        @PostMapping("/api/test/hooks/ping")
        ResponseEntity<Map<String, Object>> hook(
                @RequestHeader(name = "X-Hook-Secret", required = false)
                String secret, HttpServletRequest request) {
            if (!"s3cret".equals(secret)) {
                return ResponseEntity.status(401).build();
            }
            return ResponseEntity.ok(Map.of("session", request.getSession(false) != null));
        }

        @PostMapping("/api/test/echo")
        Map<String, Object> echo(Authentication authentication) {
            return describe(authentication);
        }

        @GetMapping("/api/test/system-admin")
        @PreAuthorize("hasRole('SYSTEM_ADMIN')")
        Map<String, Object> systemAdmin(Principal principal) {
            return Map.of("name", principal.getName(), "secret", "chỉ dành cho quản trị");
        }

        // Pages answer to Accept: text/html, so they return their JSON as a string.
        @GetMapping("/test/page")
        String page(Authentication authentication) throws Exception {
            return JSON.writeValueAsString(describe(authentication));
        }

        @GetMapping("/test/csrf")
        Map<String, Object> csrf(CsrfToken token) {
            return Map.of("header", token.getHeaderName(), "token", token.getToken());
        }

        @GetMapping("/admin/test")
        String admin(Authentication authentication) throws Exception {
            return JSON.writeValueAsString(describe(authentication));
        }

        private static Map<String, Object> describe(Authentication authentication) {
            return Map.of("name", authentication.getName(), "type", authentication.getClass().getSimpleName(),
                    "authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                            .sorted().toList());
        }
    }
}
