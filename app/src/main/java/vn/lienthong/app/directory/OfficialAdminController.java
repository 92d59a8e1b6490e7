package vn.lienthong.app.directory;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.DirectoryValidationException;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;

/**
 * Quản trị cán bộ: create, edit, move, deactivate and reactivate officials and set their password. A unit
 * administrator acts on the officials of their subtree only; anything else is 403.
 */
@Controller
class OfficialAdminController {

    private static final String FORM = "admin/official-form";

    private final Directory directory;
    private final DirectoryAdministration administration;
    private final AdminScope scope;

    OfficialAdminController(Directory directory, DirectoryAdministration administration, AdminScope scope) {
        this.directory = directory;
        this.administration = administration;
        this.scope = scope;
    }

    @InitBinder("officialForm")
    void allowFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/admin/officials/new")
    String newOfficial(@RequestParam("unit") long unitId, Authentication authentication, Model model) {
        Unit unit = scope.unit(authentication, unitId);
        OfficialForm form = new OfficialForm();
        form.setUnitId(unit.id());
        model.addAttribute("officialForm", form);
        return showForm(null, authentication, model);
    }

    @PostMapping("/admin/officials/new")
    String create(@ModelAttribute("officialForm") OfficialForm form, BindingResult result,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        try {
            Official created = administration.createOfficial(authentication.getName(), form.toDraft());
            redirect.addFlashAttribute("notice", "admin.official.created");
            redirect.addFlashAttribute("noticeArg", created.fullName());
            return "redirect:/admin/officials/" + created.id();
        }
        catch (DirectoryValidationException refusal) {
            FormErrors.reject(result, refusal);
            return showForm(null, authentication, model);
        }
    }

    @GetMapping("/admin/officials/{id}")
    String edit(@PathVariable long id, Authentication authentication, Model model) {
        Official official = scope.official(authentication, id);
        model.addAttribute("officialForm", OfficialForm.of(official));
        return showForm(official, authentication, model);
    }

    @PostMapping("/admin/officials/{id}")
    String update(@PathVariable long id, @ModelAttribute("officialForm") OfficialForm form, BindingResult result,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        Official official = scope.official(authentication, id);
        form.setUnitId(official.unitId());
        try {
            Official updated = administration.updateOfficial(authentication.getName(), id, form.toDraft());
            redirect.addFlashAttribute("notice", "admin.official.updated");
            redirect.addFlashAttribute("noticeArg", updated.fullName());
            return "redirect:/admin/officials/" + id;
        }
        catch (DirectoryValidationException refusal) {
            FormErrors.reject(result, refusal);
            return showForm(official, authentication, model);
        }
    }

    @GetMapping("/admin/officials/{id}/move")
    String moveForm(@PathVariable long id, Authentication authentication, Model model) {
        Official official = scope.official(authentication, id);
        return showMove(official, official.unitId(), authentication, model);
    }

    @PostMapping("/admin/officials/{id}/move")
    String move(@PathVariable long id, @RequestParam("unitId") long unitId, Authentication authentication,
                Model model, RedirectAttributes redirect) {
        Official official = scope.official(authentication, id);
        try {
            Official moved = administration.moveOfficial(authentication.getName(), id, unitId);
            redirect.addFlashAttribute("notice", "admin.official.moved");
            redirect.addFlashAttribute("noticeArg", moved.fullName());
            return "redirect:/admin/officials/" + id;
        }
        catch (DirectoryValidationException refusal) {
            model.addAttribute("errorText", refusal.getMessage());
            return showMove(official, unitId, authentication, model);
        }
    }

    @PostMapping("/admin/officials/{id}/deactivate")
    String deactivate(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        scope.official(authentication, id);
        return afterChange(id, redirect, "admin.official.deactivated",
                () -> administration.deactivateOfficial(authentication.getName(), id));
    }

    @PostMapping("/admin/officials/{id}/reactivate")
    String reactivate(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        scope.official(authentication, id);
        return afterChange(id, redirect, "admin.official.reactivated",
                () -> administration.reactivateOfficial(authentication.getName(), id));
    }

    @GetMapping("/admin/officials/{id}/password")
    String passwordForm(@PathVariable long id, Authentication authentication, Model model) {
        model.addAttribute("official", scope.official(authentication, id));
        return "admin/official-password";
    }

    @PostMapping("/admin/officials/{id}/password")
    String setPassword(@PathVariable long id, @RequestParam(name = "password", defaultValue = "") String password,
                       @RequestParam(name = "confirmation", defaultValue = "") String confirmation,
                       Authentication authentication, Model model, RedirectAttributes redirect) {
        Official official = scope.official(authentication, id);
        model.addAttribute("official", official);
        if (password.isEmpty()) {
            model.addAttribute("passwordError", "admin.password.empty");
            return "admin/official-password";
        }
        if (!password.equals(confirmation)) {
            model.addAttribute("confirmationError", "admin.password.mismatch");
            return "admin/official-password";
        }
        try {
            administration.setPassword(authentication.getName(), id, password);
        }
        catch (DirectoryValidationException refusal) {
            model.addAttribute("passwordErrorText", refusal.getMessage());
            return "admin/official-password";
        }
        redirect.addFlashAttribute("notice", "admin.password.set");
        redirect.addFlashAttribute("noticeArg", official.fullName());
        return "redirect:/admin/officials/" + id;
    }

    private String afterChange(long id, RedirectAttributes redirect, String notice, Supplier<Official> change) {
        try {
            Official changed = change.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArg", changed.fullName());
        }
        catch (DirectoryValidationException refusal) {
            redirect.addFlashAttribute("errorText", refusal.getMessage());
        }
        return "redirect:/admin/officials/" + id;
    }

    private String showForm(Official official, Authentication authentication, Model model) {
        List<Unit> units = scope.activeUnits(authentication);
        model.addAttribute("official", official);
        model.addAttribute("units", units);
        OfficialForm form = (OfficialForm) model.getAttribute("officialForm");
        model.addAttribute("unit", form == null || form.getUnitId() == null ? null
                : directory.findUnit(form.getUnitId()).orElse(null));
        boolean systemAdmin = AdminScope.isSystemAdministrator(authentication);
        // Only a system administrator may grant the system administrator role.
        model.addAttribute("grantableRoles", systemAdmin ? Set.of(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN)
                : Set.of(Role.UNIT_ADMIN));
        model.addAttribute("systemAdmin", systemAdmin);
        return FORM;
    }

    private String showMove(Official official, Long selected, Authentication authentication, Model model) {
        model.addAttribute("official", official);
        model.addAttribute("selected", selected);
        model.addAttribute("units", scope.activeUnits(authentication));
        return "admin/official-move";
    }
}
