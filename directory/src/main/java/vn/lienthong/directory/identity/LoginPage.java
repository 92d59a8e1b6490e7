package vn.lienthong.directory.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The embedded identity provider's login page: username and password, Vietnamese first (English with
 * {@code ?lang=en}). Self-contained HTML and CSS, so it does not depend on the app's layout or template engine;
 * its one inline style block is allowed by hash in the provider's Content-Security-Policy.
 */
@Controller
@ConditionalOnProperty(prefix = "lienthong.identity", name = "provider", havingValue = "embedded", matchIfMissing = true)
class LoginPage {

    static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;\
            font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;\
            background:#f1f4f8;color:#1d2733;font-size:1rem;line-height:1.5}
            main{width:100%;max-width:24rem;margin:1rem;background:#fff;border-radius:.5rem;\
            box-shadow:0 1px 3px rgba(0,0,0,.15);padding:2rem 1.5rem}
            .brand{margin:0;text-align:center;color:#a31d24;font-size:1.75rem;font-weight:700}
            .sub{margin:.25rem 0 1.5rem;text-align:center;color:#4a5664}
            label{display:block;font-weight:600;margin:1rem 0 .25rem}
            input[type=text],input[type=password]{width:100%;padding:.6rem .75rem;font-size:1rem;\
            border:1px solid #8a96a3;border-radius:.375rem}
            input:focus,button:focus,a:focus{outline:3px solid #f0b429;outline-offset:1px}
            button{margin-top:1.5rem;width:100%;padding:.7rem;font-size:1rem;font-weight:600;color:#fff;\
            background:#a31d24;border:0;border-radius:.375rem;cursor:pointer}
            button:hover{background:#861820}
            .alert{padding:.75rem;border-radius:.375rem;margin-bottom:1rem;border:1px solid}
            .error{background:#fdecea;border-color:#e0a29e;color:#7a1a14}
            .info{background:#e8f3ec;border-color:#9cc9aa;color:#1f5130}
            .lang{text-align:center;margin-top:1.5rem;font-size:.9rem}
            .lang a{color:#1d4f91}
            """;

    /** The CSP source that allows exactly {@link #CSS}. */
    static final String CSS_HASH_SOURCE = "'sha256-" + sha256(CSS) + "'";

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "vi", Map.of(
                    "title", "Đăng nhập",
                    "sub", "Hệ thống liên thông văn bản và làm việc trực tuyến",
                    "username", "Tên đăng nhập",
                    "password", "Mật khẩu",
                    "submit", "Đăng nhập",
                    "credentials", "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại.",
                    "disabled", "Tài khoản này đã bị vô hiệu hoá. Vui lòng liên hệ quản trị viên đơn vị.",
                    "logout", "Bạn đã đăng xuất.",
                    "other", "English"),
            "en", Map.of(
                    "title", "Log in",
                    "sub", "Document exchange and online collaboration",
                    "username", "Username",
                    "password", "Password",
                    "submit", "Log in",
                    "credentials", "Wrong username or password. Please try again.",
                    "disabled", "This account has been deactivated. Please contact your unit's administrator.",
                    "logout", "You have been logged out.",
                    "other", "Tiếng Việt"));

    private final String loginPath;

    LoginPage(IdentitySettings settings) {
        this.loginPath = EmbeddedIdentityProvider.loginPath(settings);
    }

    @GetMapping("/realms/${lienthong.identity.realm:lienthong}/login")
    ResponseEntity<String> show(HttpServletRequest request, @RequestParam(required = false) String error,
                                @RequestParam(required = false) String logout,
                                @RequestParam(required = false) String lang) {
        String language = "en".equals(lang) ? "en" : "vi";
        Map<String, String> text = TEXT.get(language);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());

        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(text.get("title"))).append(" · Liên Thông</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1 class=\"brand\">Liên Thông</h1>\n")
                .append("<p class=\"sub\">").append(esc(text.get("sub"))).append("</p>\n");
        if (error != null) {
            String message = "disabled".equals(error) ? text.get("disabled") : text.get("credentials");
            html.append("<div class=\"alert error\" role=\"alert\" id=\"login-error\">").append(esc(message))
                    .append("</div>\n");
        }
        else if (logout != null) {
            html.append("<div class=\"alert info\" role=\"status\">").append(esc(text.get("logout")))
                    .append("</div>\n");
        }
        html.append("<form method=\"post\" action=\"").append(esc(request.getContextPath() + loginPath))
                .append("\">\n");
        if (csrf != null) {
            html.append("<input type=\"hidden\" name=\"").append(esc(csrf.getParameterName()))
                    .append("\" value=\"").append(esc(csrf.getToken())).append("\">\n");
        }
        html.append("<input type=\"hidden\" name=\"lang\" value=\"").append(language).append("\">\n")
                .append("<label for=\"username\">").append(esc(text.get("username"))).append("</label>\n")
                .append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" ")
                .append("autocapitalize=\"none\" spellcheck=\"false\" required autofocus");
        if (error != null) {
            html.append(" aria-invalid=\"true\" aria-describedby=\"login-error\"");
        }
        html.append(">\n<label for=\"password\">").append(esc(text.get("password"))).append("</label>\n")
                .append("<input type=\"password\" id=\"password\" name=\"password\" ")
                .append("autocomplete=\"current-password\" required>\n")
                .append("<button type=\"submit\">").append(esc(text.get("submit"))).append("</button>\n")
                .append("</form>\n<p class=\"lang\"><a href=\"").append(esc(request.getContextPath() + loginPath))
                .append("en".equals(language) ? "" : "?lang=en").append("\" hreflang=\"")
                .append("en".equals(language) ? "vi" : "en").append("\">")
                .append(esc(text.get("other"))).append("</a></p>\n</main>\n</body>\n</html>\n");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(html.toString());
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
