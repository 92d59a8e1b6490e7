package vn.lienthong.app.directory;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.DirectoryValidationException;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;

/**
 * Quản trị đơn vị: create, edit, rename, move, merge and deactivate units. A unit administrator sees and acts on
 * their subtree only; anything else is 403.
 */
@Controller
class UnitAdminController {

    private static final String FORM = "admin/unit-form";

    private final Directory directory;
    private final DirectoryAdministration administration;
    private final AdminScope scope;

    UnitAdminController(Directory directory, DirectoryAdministration administration, AdminScope scope) {
        this.directory = directory;
        this.administration = administration;
        this.scope = scope;
    }

    @InitBinder
    void allowFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("levels")
    UnitLevel[] levels() {
        return UnitLevel.values();
    }

    @GetMapping("/admin")
    String overview(Authentication authentication, Model model) {
        model.addAttribute("trees", UnitNode.treesOf(scope.units(authentication)));
        model.addAttribute("systemAdmin", AdminScope.isSystemAdministrator(authentication));
        return "admin/index";
    }

    @GetMapping("/admin/units/{id}")
    String unit(@PathVariable long id, Authentication authentication, Model model) {
        Unit unit = scope.unit(authentication, id);
        model.addAttribute("unit", unit);
        model.addAttribute("path", directory.pathTo(id));
        model.addAttribute("children", directory.children(id));
        model.addAttribute("officials", directory.officialsOf(id, true));
        model.addAttribute("mailDomain", directory.mailDomainOf(id).orElse(null));
        return "admin/unit";
    }

    @GetMapping("/admin/units/new")
    String newUnit(@RequestParam(name = "parent", required = false) Long parentId, Authentication authentication,
                   Model model) {
        UnitForm form = new UnitForm();
        if (parentId != null) {
            Unit parent = scope.unit(authentication, parentId);
            form.setParentId(parent.id());
            form.setLevel(childLevel(parent.level()));
        }
        model.addAttribute("unitForm", form);
        return showForm(null, authentication, model);
    }

    @PostMapping("/admin/units/new")
    String create(@ModelAttribute("unitForm") UnitForm form, BindingResult result, Authentication authentication,
                  Model model, RedirectAttributes redirect) {
        try {
            Unit created = administration.createUnit(authentication.getName(), form.toDraft());
            redirect.addFlashAttribute("notice", "admin.unit.created");
            redirect.addFlashAttribute("noticeArg", created.name());
            return "redirect:/admin/units/" + created.id();
        }
        catch (DirectoryValidationException refusal) {
            FormErrors.reject(result, refusal);
            return showForm(null, authentication, model);
        }
    }

    @GetMapping("/admin/units/{id}/edit")
    String edit(@PathVariable long id, Authentication authentication, Model model) {
        Unit unit = scope.unit(authentication, id);
        model.addAttribute("unitForm", UnitForm.of(unit));
        return showForm(unit, authentication, model);
    }

    @PostMapping("/admin/units/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("unitForm") UnitForm form, BindingResult result,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        Unit unit = scope.unit(authentication, id);
        try {
            Unit updated = administration.updateUnit(authentication.getName(), id, form.toDraft());
            redirect.addFlashAttribute("notice", "admin.unit.updated");
            redirect.addFlashAttribute("noticeArg", updated.name());
            return "redirect:/admin/units/" + id;
        }
        catch (DirectoryValidationException refusal) {
            FormErrors.reject(result, refusal);
            return showForm(unit, authentication, model);
        }
    }

    @GetMapping("/admin/units/{id}/rename")
    String renameForm(@PathVariable long id, Authentication authentication, Model model) {
        Unit unit = scope.unit(authentication, id);
        model.addAttribute("unit", unit);
        model.addAttribute("unitForm", UnitForm.of(unit));
        return "admin/unit-rename";
    }

    /** A rename is an edit of the name alone; the directory keeps the old name among the former names. */
    @PostMapping("/admin/units/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(name = "name", defaultValue = "") String name,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        Unit unit = scope.unit(authentication, id);
        UnitForm form = UnitForm.of(unit);
        form.setName(name);
        try {
            Unit renamed = administration.updateUnit(authentication.getName(), id, form.toDraft());
            redirect.addFlashAttribute("notice", "admin.unit.renamed");
            redirect.addFlashAttribute("noticeArg", renamed.name());
            return "redirect:/admin/units/" + id;
        }
        catch (DirectoryValidationException refusal) {
            BindingResult result = new BeanPropertyBindingResult(form, "unitForm");
            FormErrors.reject(result, refusal);
            model.addAttribute("unit", unit);
            model.addAttribute("unitForm", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "unitForm", result);
            return "admin/unit-rename";
        }
    }

    @GetMapping("/admin/units/{id}/move")
    String moveForm(@PathVariable long id, Authentication authentication, Model model) {
        Unit unit = scope.unit(authentication, id);
        return showMove(unit, unit.parentId(), null, authentication, model);
    }

    @PostMapping("/admin/units/{id}/move")
    String move(@PathVariable long id, @RequestParam(name = "parentId", required = false) Long parentId,
                Authentication authentication, Model model, RedirectAttributes redirect) {
        Unit unit = scope.unit(authentication, id);
        if (parentId == null) {
            return showMove(unit, null, "admin.unit.move.choose", authentication, model);
        }
        try {
            Unit moved = administration.moveUnit(authentication.getName(), id, parentId);
            redirect.addFlashAttribute("notice", "admin.unit.moved");
            redirect.addFlashAttribute("noticeArg", moved.name());
            return "redirect:/admin/units/" + id;
        }
        catch (DirectoryValidationException refusal) {
            model.addAttribute("errorText", refusal.getMessage());
            return showMove(unit, parentId, null, authentication, model);
        }
    }

    /** Choosing the target first, then a confirmation that says what will follow the merge. */
    @GetMapping("/admin/units/{id}/merge")
    String mergeForm(@PathVariable long id, @RequestParam(name = "target", required = false) Long targetId,
                     Authentication authentication, Model model) {
        Unit unit = scope.unit(authentication, id);
        model.addAttribute("unit", unit);
        if (targetId == null) {
            model.addAttribute("targets", targetsOutside(unit, authentication));
            return "admin/unit-merge";
        }
        Unit target = directory.findUnit(targetId).orElseThrow(() -> new NotFoundException("unit " + targetId));
        model.addAttribute("target", target);
        model.addAttribute("officialCount", directory.officialsOf(id, false).size());
        model.addAttribute("childCount", directory.children(id).size());
        return "admin/unit-merge-confirm";
    }

    @PostMapping("/admin/units/{id}/merge")
    String merge(@PathVariable long id, @RequestParam("targetId") long targetId, Authentication authentication,
                 Model model, RedirectAttributes redirect) {
        Unit unit = scope.unit(authentication, id);
        try {
            Unit target = administration.mergeUnit(authentication.getName(), id, targetId);
            redirect.addFlashAttribute("notice", "admin.unit.merged");
            redirect.addFlashAttribute("noticeArg", unit.name());
            return "redirect:/admin/units/" + target.id();
        }
        catch (DirectoryValidationException refusal) {
            model.addAttribute("errorText", refusal.getMessage());
            return mergeForm(id, null, authentication, model);
        }
    }

    @GetMapping("/admin/units/{id}/deactivate")
    String deactivateForm(@PathVariable long id, Authentication authentication, Model model) {
        model.addAttribute("unit", scope.unit(authentication, id));
        return "admin/unit-deactivate";
    }

    @PostMapping("/admin/units/{id}/deactivate")
    String deactivate(@PathVariable long id, Authentication authentication, Model model,
                      RedirectAttributes redirect) {
        Unit unit = scope.unit(authentication, id);
        try {
            administration.deactivateUnit(authentication.getName(), id);
            redirect.addFlashAttribute("notice", "admin.unit.deactivated");
            redirect.addFlashAttribute("noticeArg", unit.name());
            return "redirect:/admin/units/" + id;
        }
        catch (DirectoryValidationException refusal) {
            model.addAttribute("unit", unit);
            model.addAttribute("errorText", refusal.getMessage());
            return "admin/unit-deactivate";
        }
    }

    private String showForm(Unit unit, Authentication authentication, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("parents", scope.activeUnits(authentication));
        model.addAttribute("systemAdmin", AdminScope.isSystemAdministrator(authentication));
        return FORM;
    }

    private String showMove(Unit unit, Long selected, String error, Authentication authentication, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("selected", selected);
        model.addAttribute("targets", targetsOutside(unit, authentication));
        if (error != null) {
            model.addAttribute("errorKey", error);
        }
        return "admin/unit-move";
    }

    /** Active units in scope, without the unit itself and its subtree (a move there would be a cycle). */
    private List<Unit> targetsOutside(Unit unit, Authentication authentication) {
        return scope.activeUnits(authentication).stream().filter(candidate -> !unit.contains(candidate)).toList();
    }

    private static UnitLevel childLevel(UnitLevel parent) {
        return switch (parent) {
            case PROVINCE -> UnitLevel.DISTRICT;
            case DISTRICT -> UnitLevel.COMMUNE;
            case COMMUNE, DEPARTMENT -> UnitLevel.DEPARTMENT;
        };
    }

}
