package vn.lienthong.app.admin;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lienthong.app.directory.AdminScope;
import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveStatus;

/**
 * Quản trị › Lưu trữ và tìm kiếm, for system administrators only: the archive's state, a rebuild from every
 * source, and (when Keycloak provisioning is on) a full re-sync of the identity provider. Both jobs run in the
 * background; while one runs, the status part of the page refreshes itself (htmx) until it reports the outcome.
 */
@Controller
class ArchiveAdminController {

    private final Archive archive;
    private final AdminTasks tasks;

    ArchiveAdminController(Archive archive, AdminTasks tasks) {
        this.archive = archive;
        this.tasks = tasks;
    }

    @GetMapping("/admin/archive")
    String page(Authentication authentication, Model model) {
        requireSystemAdministrator(authentication);
        addStatus(model);
        return "admin/archive";
    }

    /** The status part alone, for htmx to refresh while a job runs. */
    @GetMapping(path = "/admin/archive", headers = "HX-Request")
    String status(Authentication authentication, Model model) {
        requireSystemAdministrator(authentication);
        addStatus(model);
        return "admin/archive :: status";
    }

    @PostMapping("/admin/archive/rebuild")
    String rebuild(Authentication authentication, RedirectAttributes redirect) {
        requireSystemAdministrator(authentication);
        boolean started = tasks.startRebuild(authentication.getName());
        redirect.addFlashAttribute(started ? "notice" : "errorKey",
                started ? "admin.archive.rebuildStarted" : "admin.archive.rebuildBusy");
        return "redirect:/admin/archive";
    }

    @PostMapping("/admin/archive/identity-sync")
    String resync(Authentication authentication, RedirectAttributes redirect) {
        requireSystemAdministrator(authentication);
        if (!tasks.identitySyncAvailable()) {
            throw new NotFoundException("identity sync");
        }
        boolean started = tasks.startResync(authentication.getName());
        redirect.addFlashAttribute(started ? "notice" : "errorKey", started ? "admin.sync.started" : "admin.sync.busy");
        return "redirect:/admin/archive";
    }

    private void addStatus(Model model) {
        ArchiveStatus status = archive.status();
        Map<String, Long> items = new TreeMap<>(status.itemsBySource());
        model.addAttribute("status", status);
        model.addAttribute("items", items);
        model.addAttribute("totalItems", items.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("rebuildRunning", tasks.rebuild().running() || status.rebuilding());
        model.addAttribute("lastRebuild", tasks.rebuild().last().orElse(null));
        model.addAttribute("identitySync", tasks.identitySyncAvailable());
        model.addAttribute("resyncRunning", tasks.resync().running());
        model.addAttribute("lastResync", tasks.resync().last().orElse(null));
    }

    private static void requireSystemAdministrator(Authentication authentication) {
        if (!AdminScope.isSystemAdministrator(authentication)) {
            throw new AccessDeniedException("Archive administration is for system administrators");
        }
    }
}
