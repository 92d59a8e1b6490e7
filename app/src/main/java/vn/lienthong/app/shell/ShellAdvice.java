package vn.lienthong.app.shell;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: the signed-in official and their unit, and where the page is. */
@ControllerAdvice
class ShellAdvice {

    private final SignedIn signedIn;

    ShellAdvice(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @ModelAttribute("me")
    SignedIn.Profile me(Authentication authentication) {
        return signedIn.profile(authentication).orElse(null);
    }

    /** The path of the page, to mark the current section in the navigation. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
