package vn.lienthong.app.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.app.shell.SignedIn;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/** Danh bạ: the unit tree, a unit's officials, an official's card and people search, for every signed-in official. */
@Controller
class DirectoryController {

    static final int SEARCH_LIMIT = 50;

    private final Directory directory;
    private final SignedIn signedIn;

    DirectoryController(Directory directory, SignedIn signedIn) {
        this.directory = directory;
        this.signedIn = signedIn;
    }

    @GetMapping("/directory")
    String tree(Authentication authentication, Model model) {
        List<Unit> units = new ArrayList<>();
        directory.roots().forEach(root -> units.addAll(directory.subtree(root.id())));
        model.addAttribute("trees", UnitNode.treesOf(units));
        // The tree opens along the path to the official's own unit.
        model.addAttribute("openIds", signedIn.official(authentication)
                .map(official -> Set.copyOf(directory.pathTo(official.unitId()).stream().map(Unit::id).toList()))
                .orElse(Set.of()));
        return "directory/index";
    }

    @GetMapping("/directory/units/{id}")
    String unit(@PathVariable long id, Authentication authentication, Model model) {
        Unit unit = directory.findUnit(id).orElseThrow(() -> new NotFoundException("unit " + id));
        model.addAttribute("unit", unit);
        model.addAttribute("path", directory.pathTo(id));
        model.addAttribute("children", directory.children(id));
        model.addAttribute("officials", directory.officialsOf(id, false));
        model.addAttribute("mailDomain", directory.mailDomainOf(id).orElse(null));
        model.addAttribute("mergedInto",
                unit.mergedIntoId() == null ? null : directory.findUnit(unit.mergedIntoId()).orElse(null));
        model.addAttribute("canAdminister", SignedIn.isAdministrator(authentication)
                && directory.canAdminister(authentication.getName(), id));
        return "directory/unit";
    }

    @GetMapping("/directory/officials/{id}")
    String official(@PathVariable long id, Authentication authentication, Model model) {
        Official official = directory.findOfficial(id).orElseThrow(() -> new NotFoundException("official " + id));
        model.addAttribute("official", official);
        model.addAttribute("path", directory.pathTo(official.unitId()));
        model.addAttribute("unit", directory.findUnit(official.unitId()).orElse(null));
        model.addAttribute("canAdminister", SignedIn.isAdministrator(authentication)
                && directory.canAdminister(authentication.getName(), official.unitId()));
        return "directory/official";
    }

    /** People and units by name, tone marks optional; htmx asks for the results fragment only. */
    @GetMapping("/directory/search")
    String search(@RequestParam(name = "q", defaultValue = "") String query,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String trimmed = query.strip();
        List<Official> officials = trimmed.isEmpty() ? List.of() : directory.searchOfficials(trimmed, SEARCH_LIMIT);
        model.addAttribute("q", trimmed);
        model.addAttribute("officials", officials);
        model.addAttribute("units", trimmed.isEmpty() ? List.of() : directory.searchUnits(trimmed, 20));
        model.addAttribute("unitNames", unitNames(officials));
        return htmx != null ? "directory/search :: results" : "directory/search";
    }

    private Map<Long, String> unitNames(List<Official> officials) {
        Map<Long, String> names = new HashMap<>();
        for (Official official : officials) {
            names.computeIfAbsent(official.unitId(),
                    unitId -> directory.findUnit(unitId).map(Unit::name).orElse(""));
        }
        return names;
    }
}
