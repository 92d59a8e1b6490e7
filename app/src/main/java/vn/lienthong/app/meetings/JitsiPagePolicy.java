package vn.lienthong.app.meetings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The meeting page's Content-Security-Policy: the suite's own policy (written by the security chain when the
 * response is committed) with the Jitsi server's origin added to {@code script-src} (its {@code external_api.js})
 * and {@code frame-src} (the conference itself), for that page only. The page's controller names the origin with
 * {@link #allow}; this filter, placed before the security chain, adds it to whatever policy the chain then writes,
 * so the rest of the policy stays defined in one place. An outside guest's page ({@link GuestMeetingPages}) is served
 * by the machine chain, whose policy is not a page's: {@link #allowGuestPage} replaces it with the pages' policy.
 */
@Configuration(proxyBeanMethods = false)
class JitsiPagePolicy {

    static final String HEADER = "Content-Security-Policy";
    private static final String ATTRIBUTE = JitsiPagePolicy.class.getName() + ".origin";
    private static final String GUEST_ATTRIBUTE = JitsiPagePolicy.class.getName() + ".guest";

    /** Lets this response's page load scripts and frames from {@code origin} ({@code https://meet.example}). */
    static void allow(ServletRequest request, String origin) {
        request.setAttribute(ATTRIBUTE, origin);
    }

    /**
     * A guest's page is served by the machine chain, whose policy ({@code default-src 'none'}) is for answers that
     * are not pages: this response gets the suite's page policy instead ({@link #guestPage}), with {@code origin}
     * allowed for scripts and frames when given ({@code null}: nothing from elsewhere, e.g. the 404 page).
     */
    static void allowGuestPage(ServletRequest request, String origin) {
        request.setAttribute(GUEST_ATTRIBUTE, origin == null ? "" : origin);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> jitsiPagePolicyFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                chain.doFilter(request, new Widening(request, response));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/meetings/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setName("jitsiPagePolicy");
        return registration;
    }

    /**
     * The pages' policy (as the directory module's web chain writes it for signed-in pages: own scripts, styles, fonts
     * and images only, nothing inline; no identity provider to post to) with {@code origin} allowed for scripts and
     * frames, keeping the {@code frame-ancestors} of the chain's {@code policy} ({@code 'none'} when it has none).
     */
    static String guestPage(String policy, String origin) {
        String ancestors = "frame-ancestors 'none'";
        for (String directive : policy.split(";")) {
            if (directive.strip().toLowerCase(java.util.Locale.ROOT).startsWith("frame-ancestors")) {
                ancestors = directive.strip();
            }
        }
        String jitsi = origin == null || origin.isEmpty() ? "" : " " + origin;
        return "default-src 'self'; script-src 'self'" + jitsi + "; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-src " + (jitsi.isEmpty() ? "'none'" : jitsi.strip()) + "; " + ancestors;
    }

    /** {@code policy} with {@code origin} added to script-src and frame-src (frame-src made if missing). */
    static String widen(String policy, String origin) {
        List<String> directives = new ArrayList<>();
        boolean frames = false;
        for (String directive : policy.split(";")) {
            String trimmed = directive.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String name = trimmed.split("\\s+", 2)[0];
            if (name.equalsIgnoreCase("script-src") || name.equalsIgnoreCase("frame-src")) {
                frames |= name.equalsIgnoreCase("frame-src");
                trimmed = trimmed.replace("'none'", "").strip() + " " + origin;
            }
            directives.add(trimmed);
        }
        if (!frames) {
            directives.add("frame-src 'self' " + origin);
        }
        return String.join("; ", directives);
    }

    /** Rewrites the policy header on its way out when the page asked for the Jitsi origin. */
    private static final class Widening extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Widening(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, rewrite(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, rewrite(name, value));
        }

        private String rewrite(String name, String value) {
            Object guest = request.getAttribute(GUEST_ATTRIBUTE);
            if (guest != null && value != null && HEADER.equalsIgnoreCase(name)) {
                return guestPage(value, guest.toString());
            }
            Object origin = request.getAttribute(ATTRIBUTE);
            return origin != null && value != null && HEADER.equalsIgnoreCase(name) ? widen(value, origin.toString())
                    : value;
        }
    }
}
