package vn.lienthong.directory;

import java.util.List;

/**
 * What a full re-sync changed in the outside identity provider (Keycloak). Counts only real changes: a second run right after the first reports
 * zeros.
 *
 * @param groupsCreated  unit groups created
 * @param groupsUpdated  unit groups renamed, moved or given new attributes
 * @param groupsRemoved  groups of deactivated or merged units removed
 * @param usersCreated   officials created as users
 * @param usersUpdated   users whose name, mail, attributes, unit group or roles changed
 * @param usersDisabled  users disabled: deactivated officials, or users of officials the directory no longer has
 * @param failures       what could not be done, one line each (the rest was still done)
 */
public record IdentitySyncReport(int groupsCreated, int groupsUpdated, int groupsRemoved, int usersCreated,
                                 int usersUpdated, int usersDisabled, List<String> failures) {

    public IdentitySyncReport {
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
