package vn.lienthong.app.shell;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page and the sections that later parts of the suite fill in (meetings): until then they say they are
 * being built.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/meetings")
    String comingSoon(Model model, HttpServletRequest request) {
        model.addAttribute("section", request.getRequestURI().substring(request.getContextPath().length() + 1));
        return "coming-soon";
    }
}
