package vn.lienthong.chat.bench;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The chat as the tests run it (directory, archive, chat; no pages), plus one thing that exists only here, in the
 * benchmark's own sources: {@code GET /bench/login?user=...} signs the official in without a password, so that
 * thousands of connections do not spend minutes on BCrypt. Everything after the sign-in (the session, its CSRF
 * token, the WebSocket handshake, STOMP, the guards) is the real path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"vn.lienthong.directory", "vn.lienthong.archive", "vn.lienthong.chat.internal"})
public class BenchApplication {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> benchLogin() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        String user = request.getParameter("user");
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                                List.of(new SimpleGrantedAuthority("ROLE_OFFICIAL"))));
                        request.getSession(true).setAttribute(
                                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    }
                });
        registration.addUrlPatterns("/bench/login");
        // Before Spring Security's chain (order -100), which would send an unknown visitor to the login page.
        registration.setOrder(-200);
        return registration;
    }
}
