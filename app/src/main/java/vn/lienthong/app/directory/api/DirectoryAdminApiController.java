package vn.lienthong.app.directory.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.lienthong.app.directory.AdminScope;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.ImportKind;
import vn.lienthong.directory.ImportReport;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;

/**
 * Changes to the directory for system and unit administrators. Anyone else gets 403; a unit administrator acting
 * outside their subtree gets 403 from the directory; invalid input is a 400 problem naming the field.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class DirectoryAdminApiController {

    private final DirectoryAdministration administration;

    DirectoryAdminApiController(DirectoryAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/units")
    ResponseEntity<Unit> createUnit(@RequestBody UnitDraft draft, Authentication authentication) {
        AdminScope.requireAdministrator(authentication);
        Unit created = administration.createUnit(authentication.getName(), draft);
        return ResponseEntity.created(URI.create("/api/v1/units/" + created.id())).body(created);
    }

    @PutMapping("/units/{id}")
    Unit updateUnit(@PathVariable long id, @RequestBody UnitDraft draft, Authentication authentication) {
        AdminScope.requireAdministrator(authentication);
        return administration.updateUnit(authentication.getName(), id, draft);
    }

    @PostMapping("/officials")
    ResponseEntity<OfficialResource> createOfficial(@RequestBody OfficialDraft draft,
                                                    Authentication authentication) {
        AdminScope.requireAdministrator(authentication);
        Official created = administration.createOfficial(authentication.getName(), draft);
        return ResponseEntity.created(URI.create("/api/v1/officials/" + created.id()))
                .body(OfficialResource.of(created, null, true));
    }

    @PutMapping("/officials/{id}")
    OfficialResource updateOfficial(@PathVariable long id, @RequestBody OfficialDraft draft,
                                    Authentication authentication) {
        AdminScope.requireAdministrator(authentication);
        return OfficialResource.of(administration.updateOfficial(authentication.getName(), id, draft), null, true);
    }

    /** All or nothing: 200 with the count, or a 400 problem listing every bad line ({@code errors}). */
    @PostMapping(path = "/admin/import", consumes = "multipart/form-data")
    ResponseEntity<?> importCsv(@RequestParam("kind") ImportKind kind, @RequestParam("file") MultipartFile file,
                                Authentication authentication) throws IOException {
        AdminScope.requireAdministrator(authentication);
        ImportReport report;
        try (InputStream csv = file.getInputStream()) {
            report = administration.importCsv(authentication.getName(), kind, csv);
        }
        if (report.succeeded()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Tệp có " + report.errors().size() + " dòng lỗi; không nhập dòng nào.");
        problem.setTitle("Tệp CSV không hợp lệ");
        problem.setProperty("imported", 0);
        problem.setProperty("errors", report.errors());
        return ResponseEntity.badRequest().body(problem);
    }
}
