package vn.lienthong.chat.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;

/** Officials as chat needs them: display names, who is active, who administers what. */
@Component
class People {

    private final Directory directory;

    People(Directory directory) {
        this.directory = directory;
    }

    Optional<Official> official(String username) {
        return directory.findOfficialByUsername(username);
    }

    Optional<Official> activeOfficial(String username) {
        return directory.findOfficialByUsername(username).filter(Official::active);
    }

    boolean isSystemAdmin(String username) {
        return official(username).filter(Official::active).map(o -> o.hasRole(Role.SYSTEM_ADMIN)).orElse(false);
    }

    boolean isAdministrator(String username) {
        return official(username).filter(Official::active)
                .map(o -> o.hasRole(Role.SYSTEM_ADMIN) || o.hasRole(Role.UNIT_ADMIN)).orElse(false);
    }

    boolean canAdminister(String username, long unitId) {
        return directory.canAdminister(username, unitId);
    }

    /** A name lookup that remembers what it found, for one request. */
    Names names() {
        return new Names();
    }

    final class Names {

        private final Map<String, Official> found = new HashMap<>();

        String fullName(String username) {
            Official official = lookup(username);
            return official == null ? username : official.fullName();
        }

        /** As the archive's {@code from:} matches it: "Nguyễn Văn An <an.nguyen@baclieu.gov.vn>". */
        String author(String username) {
            Official official = lookup(username);
            return official == null ? username : official.fullName() + " <" + official.email() + ">";
        }

        private Official lookup(String username) {
            return found.computeIfAbsent(username, name -> directory.findOfficialByUsername(name).orElse(null));
        }
    }
}
