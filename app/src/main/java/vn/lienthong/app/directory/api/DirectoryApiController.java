package vn.lienthong.app.directory.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.lienthong.app.directory.AdminScope;
import vn.lienthong.app.directory.UnitNode;
import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/** Read access to the directory for every signed-in official (session or bearer token). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class DirectoryApiController {

    static final int MAX_LIMIT = 200;

    private final Directory directory;
    private final AdminScope scope;

    DirectoryApiController(Directory directory, AdminScope scope) {
        this.directory = directory;
        this.scope = scope;
    }

    /**
     * All active units: {@code view=flat} (default) in tree order, {@code view=tree} nested. Administrators may add
     * {@code inactive=true} to include deactivated and merged units.
     */
    @GetMapping("/units")
    Object units(@RequestParam(name = "view", defaultValue = "flat") String view,
                 @RequestParam(name = "inactive", defaultValue = "false") boolean inactive,
                 Authentication authentication) {
        List<Unit> units;
        if (inactive && AdminScope.isSystemAdministrator(authentication)) {
            units = directory.allUnits();
        }
        else {
            units = new ArrayList<>();
            for (Unit root : directory.roots()) {
                units.addAll(directory.subtree(root.id()));
            }
        }
        return switch (view) {
            case "tree" -> UnitNode.treesOf(units).stream().map(UnitTreeNode::of).toList();
            case "flat" -> units;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "view: flat | tree");
        };
    }

    @GetMapping("/units/{id}")
    Unit unit(@PathVariable long id) {
        return directory.findUnit(id).orElseThrow(() -> new NotFoundException("unit " + id));
    }

    /** Active officials of exactly this unit, in Vietnamese order. */
    @GetMapping("/units/{id}/officials")
    List<OfficialResource> officialsOf(@PathVariable long id, Authentication authentication) {
        Unit unit = unit(id);
        boolean administrator = scope.canAdminister(authentication, id);
        return directory.officialsOf(id, false).stream()
                .map(official -> OfficialResource.of(official, unit.name(), administrator))
                .toList();
    }

    /** People search, tone marks optional; an empty query finds nobody. */
    @GetMapping("/officials")
    List<OfficialResource> officials(@RequestParam(name = "q", defaultValue = "") String query,
                                     @RequestParam(name = "limit", defaultValue = "50") int limit,
                                     Authentication authentication) {
        if (query.isBlank()) {
            return List.of();
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit: 1.." + MAX_LIMIT);
        }
        Map<Long, String> unitNames = new HashMap<>();
        return directory.searchOfficials(query.strip(), limit).stream()
                .map(official -> resource(official, unitNames, authentication))
                .toList();
    }

    @GetMapping("/officials/{id}")
    OfficialResource official(@PathVariable long id, Authentication authentication) {
        Official official = directory.findOfficial(id).orElseThrow(() -> new NotFoundException("official " + id));
        return resource(official, new HashMap<>(), authentication);
    }

    private OfficialResource resource(Official official, Map<Long, String> unitNames,
                                      Authentication authentication) {
        String unitName = unitNames.computeIfAbsent(official.unitId(),
                unitId -> directory.findUnit(unitId).map(Unit::name).orElse(""));
        return OfficialResource.of(official, unitName, scope.canAdminister(authentication, official.unitId()));
    }
}
