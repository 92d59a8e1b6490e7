package vn.lienthong.app.directory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The administration pages and the API's changes are for system and unit administrators only: anyone else gets
 * 403 before a controller runs, whatever the security filter chain already decided. Scope within the tree is
 * checked per unit ({@link AdminScope}) and again by the directory.
 */
@Configuration(proxyBeanMethods = false)
class AdministratorsOnly implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/admin", "/admin/**", "/api/v1/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        AdminScope.requireAdministrator(SecurityContextHolder.getContext().getAuthentication());
        return true;
    }
}
