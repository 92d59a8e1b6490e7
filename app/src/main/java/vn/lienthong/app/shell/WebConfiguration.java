package vn.lienthong.app.shell;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Language of the pages: Vietnamese unless the official chose English with {@code ?lang=en}; the choice is kept
 * in a cookie for a year. Only the languages the pages are written in can be chosen.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final Map<String, Locale> LANGUAGES = Map.of("vi", VIETNAMESE, "en", Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lienthong-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // The resolver keeps no state of its own (the choice lives in the cookie and the request), so the
        // interceptor may use its own instance with the same settings as the bean.
        registry.addInterceptor(new LanguageSwitch(localeResolver()));
    }

    /** Applies {@code ?lang=vi|en}; other values are ignored. */
    private record LanguageSwitch(LocaleResolver resolver) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            Locale chosen = lang == null ? null : LANGUAGES.get(lang);
            if (chosen != null) {
                resolver.setLocale(request, response, chosen);
            }
            return true;
        }
    }
}
