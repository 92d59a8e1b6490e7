package vn.lienthong.directory.keycloak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;

/**
 * Writes the directory's current state into the realm, one unit or official at a time. Every method reads what
 * Keycloak has, changes only what differs, and can run again without harm. Not thread-safe: {@link KeycloakSync}
 * calls it from one thread.
 */
class KeycloakRealmWriter {

    static final String UNIT_ID = "unitId";
    static final String UNIT_CODE = "unitCode";
    static final String UNIT_LEVEL = "unitLevel";
    static final String OFFICIAL_ID = "officialId";

    private static final Logger log = LoggerFactory.getLogger(KeycloakRealmWriter.class);
    private static final int PAGE = 500;
    private static final Set<String> OUR_ROLES = Arrays.stream(Role.values())
            .map(Role::realmRole).collect(Collectors.toUnmodifiableSet());

    private final RealmResource realm;
    private final Directory directory;
    private final boolean sendSetupEmail;

    KeycloakRealmWriter(RealmResource realm, Directory directory, boolean sendSetupEmail) {
        this.realm = realm;
        this.directory = directory;
        this.sendSetupEmail = sendSetupEmail;
    }

    // ---------------------------------------------------------------- groups

    /** Where the unit groups are: looked up one by one (events) or all loaded at once (full re-sync). */
    interface Groups {

        Optional<GroupRepresentation> byUnitId(long unitId);

        void remember(long unitId, GroupRepresentation group);

        void forget(long unitId);
    }

    /** Looks groups up by their {@code unitId} attribute, remembering answers for the length of one change. */
    Groups lookup() {
        Map<Long, GroupRepresentation> seen = new HashMap<>();
        return new Groups() {
            @Override
            public Optional<GroupRepresentation> byUnitId(long unitId) {
                GroupRepresentation known = seen.get(unitId);
                if (known != null) {
                    return Optional.of(known);
                }
                // Attribute search answers with the matching group inside its ancestors.
                List<GroupRepresentation> tops = realm.groups().query(UNIT_ID + ":" + unitId, true, 0, 50, false);
                Optional<GroupRepresentation> found = flatten(tops).stream()
                        .filter(group -> unitId(group).filter(id -> id == unitId).isPresent())
                        .findFirst();
                found.ifPresent(group -> seen.put(unitId, group));
                return found;
            }

            @Override
            public void remember(long unitId, GroupRepresentation group) {
                seen.put(unitId, group);
            }

            @Override
            public void forget(long unitId) {
                seen.remove(unitId);
            }
        };
    }

    /** Every group that stands for a unit, loaded once, keyed by unit id. */
    Groups loadAll() {
        Map<Long, GroupRepresentation> byUnit = new LinkedHashMap<>();
        for (GroupRepresentation group : allGroups()) {
            unitId(group).ifPresent(id -> byUnit.put(id, group));
        }
        return new Groups() {
            @Override
            public Optional<GroupRepresentation> byUnitId(long unitId) {
                return Optional.ofNullable(byUnit.get(unitId));
            }

            @Override
            public void remember(long unitId, GroupRepresentation group) {
                byUnit.put(unitId, group);
            }

            @Override
            public void forget(long unitId) {
                byUnit.remove(unitId);
            }
        };
    }

    /** The unit ids of every group in the realm that stands for a unit. */
    Set<Long> unitIdsInRealm() {
        return allGroups().stream().map(KeycloakRealmWriter::unitId).flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private List<GroupRepresentation> allGroups() {
        List<GroupRepresentation> all = new ArrayList<>();
        List<GroupRepresentation> level = pages(first -> realm.groups().groups(null, first, PAGE, false));
        while (!level.isEmpty()) {
            all.addAll(level);
            List<GroupRepresentation> next = new ArrayList<>();
            for (GroupRepresentation group : level) {
                if (group.getSubGroupCount() == null || group.getSubGroupCount() > 0) {
                    next.addAll(pages(first -> realm.groups().group(group.getId())
                            .getSubGroups(first, PAGE, false)));
                }
            }
            level = next;
        }
        return all;
    }

    /**
     * Creates or corrects the group of an active unit (and of its ancestors first): name, attributes and place in
     * the tree. Returns the group's id.
     */
    String ensureGroup(Unit unit, Groups groups, Tally tally) {
        String parentGroupId = null;
        if (unit.parentId() != null) {
            Unit parent = directory.findUnit(unit.parentId())
                    .orElseThrow(() -> new IllegalStateException("Unit " + unit.id() + " has an unknown parent"));
            parentGroupId = ensureGroup(parent, groups, tally);
        }
        Map<String, List<String>> attributes = groupAttributes(unit);
        Optional<GroupRepresentation> existing = groups.byUnitId(unit.id());
        if (existing.isEmpty()) {
            GroupRepresentation created = createGroup(unit, parentGroupId, attributes);
            groups.remember(unit.id(), created);
            tally.groupCreated();
            log.info("Keycloak: created group {} for unit {}", created.getName(), unit.code());
            return created.getId();
        }
        GroupRepresentation group = existing.get();
        boolean changed = false;
        if (!Objects.equals(group.getParentId(), parentGroupId)) {
            moveGroup(group, parentGroupId);
            group.setParentId(parentGroupId);
            changed = true;
        }
        boolean nameOk = unit.name().equals(group.getName()) || disambiguated(unit).equals(group.getName());
        if (!nameOk || !attributes.equals(normalized(group.getAttributes()))) {
            GroupRepresentation update = new GroupRepresentation();
            update.setName(nameOk ? group.getName() : unit.name());
            update.setAttributes(attributes);
            try {
                realm.groups().group(group.getId()).update(update);
            }
            catch (ClientErrorException ex) {
                if (ex.getResponse().getStatus() != 409) {
                    throw ex;
                }
                // Another unit under the same parent has this name: keep them apart by code.
                update.setName(disambiguated(unit));
                realm.groups().group(group.getId()).update(update);
            }
            group.setName(update.getName());
            group.setAttributes(attributes);
            changed = true;
        }
        if (changed) {
            tally.groupUpdated();
            log.info("Keycloak: updated group {} for unit {}", group.getName(), unit.code());
        }
        return group.getId();
    }

    /**
     * Removes the group of a unit that is no longer active (deactivated or merged). A group that still holds
     * subgroups is left alone, so nothing active is lost with it.
     */
    boolean removeGroup(long unitId, Groups groups) {
        Optional<GroupRepresentation> existing = groups.byUnitId(unitId);
        if (existing.isEmpty()) {
            return false;
        }
        GroupRepresentation group = realm.groups().group(existing.get().getId()).toRepresentation();
        if (group.getSubGroupCount() != null && group.getSubGroupCount() > 0) {
            log.warn("Keycloak: group {} of inactive unit {} still has subgroups; left in place", group.getPath(),
                    unitId);
            return false;
        }
        realm.groups().group(group.getId()).remove();
        groups.forget(unitId);
        log.info("Keycloak: removed group {} of inactive unit {}", group.getPath(), unitId);
        return true;
    }

    private GroupRepresentation createGroup(Unit unit, String parentGroupId, Map<String, List<String>> attributes) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(unit.name());
        group.setAttributes(attributes);
        String id;
        try {
            id = addGroup(group, parentGroupId);
        }
        catch (ClientErrorException ex) {
            if (ex.getResponse().getStatus() != 409) {
                throw ex;
            }
            group.setName(disambiguated(unit));
            id = addGroup(group, parentGroupId);
        }
        group.setId(id);
        group.setParentId(parentGroupId);
        return group;
    }

    private String addGroup(GroupRepresentation group, String parentGroupId) {
        try (Response response = parentGroupId == null ? realm.groups().add(group)
                : realm.groups().group(parentGroupId).subGroup(group)) {
            if (response.getStatus() == 409) {
                throw new ClientErrorException("Group name taken: " + group.getName(), response.getStatus());
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private void moveGroup(GroupRepresentation group, String newParentGroupId) {
        GroupRepresentation moved = new GroupRepresentation();
        moved.setId(group.getId());
        moved.setName(group.getName());
        // Posting an existing group (with its id) under a parent, or at the top, moves it with its subtree.
        try (Response response = newParentGroupId == null ? realm.groups().add(moved)
                : realm.groups().group(newParentGroupId).subGroup(moved)) {
            if (response.getStatus() >= 300) {
                throw new WebApplicationException("Moving group " + group.getPath() + " failed: HTTP "
                        + response.getStatus(), response.getStatus());
            }
        }
    }

    private static Map<String, List<String>> groupAttributes(Unit unit) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UNIT_ID, List.of(Long.toString(unit.id())));
        attributes.put(UNIT_CODE, List.of(unit.code()));
        attributes.put(UNIT_LEVEL, List.of(unit.level().name()));
        return attributes;
    }

    private static String disambiguated(Unit unit) {
        return unit.name() + " (" + unit.code() + ")";
    }

    static Optional<Long> unitId(GroupRepresentation group) {
        return firstLong(group.getAttributes(), UNIT_ID);
    }

    private static List<GroupRepresentation> flatten(Collection<GroupRepresentation> groups) {
        List<GroupRepresentation> all = new ArrayList<>();
        for (GroupRepresentation group : groups) {
            all.add(group);
            if (group.getSubGroups() != null) {
                all.addAll(flatten(group.getSubGroups()));
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- users

    /**
     * Creates or corrects the user of an official: names, mail, attributes, enabled flag, unit group and realm
     * roles. Returns what happened.
     */
    UserOutcome upsertUser(Official official, Groups groups) {
        Optional<UserRepresentation> existing = findUser(official);
        UserRepresentation wanted = userRepresentation(official);
        boolean created = false;
        boolean changed = false;
        boolean disabledNow = false;
        String userId;
        if (existing.isEmpty()) {
            try (Response response = realm.users().create(wanted)) {
                if (response.getStatus() == 409) {
                    throw new IllegalStateException("Keycloak already has a user with the username or e-mail of "
                            + official.username() + " that does not belong to this official");
                }
                userId = CreatedResponseUtil.getCreatedId(response);
            }
            created = true;
            log.info("Keycloak: created user {}", official.username());
            if (sendSetupEmail && official.active()) {
                sendSetupEmail(userId, official);
            }
        }
        else {
            UserRepresentation current = existing.get();
            userId = current.getId();
            disabledNow = Boolean.TRUE.equals(current.isEnabled()) && !official.active();
            if (differs(current, wanted)) {
                wanted.setId(userId);
                realm.users().get(userId).update(wanted);
                changed = true;
            }
        }
        UserResource user = realm.users().get(userId);
        changed |= syncGroup(user, official, groups);
        changed |= syncRoles(user, official);
        if (!created && changed) {
            log.info("Keycloak: updated user {}", official.username());
        }
        if (disabledNow) {
            log.info("Keycloak: disabled user {}", official.username());
            return UserOutcome.DISABLED;
        }
        return created ? UserOutcome.CREATED : changed ? UserOutcome.UPDATED : UserOutcome.UNCHANGED;
    }

    /** Disables users whose official the directory no longer has; returns how many. */
    int disableUsersNotIn(Set<Long> officialIds) {
        int disabled = 0;
        List<UserRepresentation> users = pages(first -> realm.users().search(null, first, PAGE, false));
        for (UserRepresentation user : users) {
            Optional<Long> officialId = firstLong(user.getAttributes(), OFFICIAL_ID);
            if (officialId.isPresent() && !officialIds.contains(officialId.get())
                    && Boolean.TRUE.equals(user.isEnabled())) {
                UserRepresentation update = realm.users().get(user.getId()).toRepresentation();
                update.setEnabled(false);
                realm.users().get(user.getId()).update(update);
                disabled++;
                log.info("Keycloak: disabled user {}: no such official in the directory", user.getUsername());
            }
        }
        return disabled;
    }

    private Optional<UserRepresentation> findUser(Official official) {
        String query = OFFICIAL_ID + ":" + official.id();
        Optional<UserRepresentation> byId = realm.users().searchByAttributes(0, 5, null, false, query).stream()
                .filter(user -> firstLong(user.getAttributes(), OFFICIAL_ID).filter(id -> id == official.id())
                        .isPresent())
                .findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        // A user made by hand before provisioning started: adopt it if it belongs to no other official.
        return realm.users().search(official.username(), 0, 5, false).stream()
                .filter(user -> official.username().equalsIgnoreCase(user.getUsername()))
                .filter(user -> firstLong(user.getAttributes(), OFFICIAL_ID).isEmpty())
                .findFirst();
    }

    private UserRepresentation userRepresentation(Official official) {
        VietnameseName name = VietnameseName.of(official.fullName());
        UserRepresentation user = new UserRepresentation();
        user.setUsername(official.username());
        user.setFirstName(name.given());
        user.setLastName(name.family());
        user.setEmail(blankToNull(official.email()));
        user.setEmailVerified(official.email() != null && !official.email().isBlank());
        user.setEnabled(official.active());
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(OFFICIAL_ID, List.of(Long.toString(official.id())));
        putIfPresent(attributes, "fullName", official.fullName());
        directory.findUnit(official.unitId()).ifPresent(unit -> attributes.put(UNIT_CODE, List.of(unit.code())));
        putIfPresent(attributes, "title", official.title());
        putIfPresent(attributes, "phone", official.phone());
        user.setAttributes(attributes);
        return user;
    }

    private static boolean differs(UserRepresentation current, UserRepresentation wanted) {
        return !Objects.equals(current.getUsername(), wanted.getUsername())
                || !Objects.equals(blankToNull(current.getFirstName()), blankToNull(wanted.getFirstName()))
                || !Objects.equals(blankToNull(current.getLastName()), blankToNull(wanted.getLastName()))
                || !Objects.equals(blankToNull(current.getEmail()), wanted.getEmail())
                || !Objects.equals(current.isEmailVerified(), wanted.isEmailVerified())
                || !Objects.equals(current.isEnabled(), wanted.isEnabled())
                || !normalized(current.getAttributes()).equals(normalized(wanted.getAttributes()));
    }

    /** Puts the user into their unit's group and out of any other unit group. */
    private boolean syncGroup(UserResource user, Official official, Groups groups) {
        String wantedGroupId = directory.findUnit(official.unitId()).filter(Unit::active)
                .map(unit -> ensureGroup(unit, groups, Tally.IGNORED))
                .orElse(null);
        boolean changed = false;
        boolean member = false;
        for (GroupRepresentation group : user.groups(0, 1000, false)) {
            if (group.getId().equals(wantedGroupId)) {
                member = true;
            }
            else if (unitId(group).isPresent()) {
                user.leaveGroup(group.getId());
                changed = true;
            }
        }
        if (wantedGroupId != null && !member) {
            user.joinGroup(wantedGroupId);
            changed = true;
        }
        return changed;
    }

    /** Maps exactly the official's roles among ours; realm roles that are not ours are left alone. */
    private boolean syncRoles(UserResource user, Official official) {
        Set<String> wanted = official.roles().stream().map(Role::realmRole).collect(Collectors.toSet());
        List<RoleRepresentation> mapped = user.roles().realmLevel().listAll();
        Set<String> mappedNames = mapped.stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
        List<RoleRepresentation> toRemove = mapped.stream()
                .filter(role -> OUR_ROLES.contains(role.getName()) && !wanted.contains(role.getName()))
                .toList();
        Set<String> missing = new HashSet<>(wanted);
        missing.removeAll(mappedNames);
        boolean changed = false;
        if (!missing.isEmpty()) {
            // The roles available for mapping: readable with manage-users, without view-realm.
            List<RoleRepresentation> toAdd = user.roles().realmLevel().listAvailable().stream()
                    .filter(role -> missing.contains(role.getName()))
                    .toList();
            if (toAdd.size() != missing.size()) {
                throw new IllegalStateException("The realm lacks some of the roles " + missing
                        + "; import deploy/keycloak/lienthong-realm.json");
            }
            user.roles().realmLevel().add(toAdd);
            changed = true;
        }
        if (!toRemove.isEmpty()) {
            user.roles().realmLevel().remove(toRemove);
            changed = true;
        }
        return changed;
    }

    private void sendSetupEmail(String userId, Official official) {
        try {
            realm.users().get(userId).executeActionsEmail(List.of("UPDATE_PASSWORD"));
        }
        catch (WebApplicationException ex) {
            log.warn("Keycloak: could not mail {} the link to set a password (is SMTP set up in the realm?): {}",
                    official.username(), ex.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers

    enum UserOutcome { CREATED, UPDATED, DISABLED, UNCHANGED }

    /** Counts for a report; {@link #IGNORED} counts nothing. */
    static class Tally {

        static final Tally IGNORED = new Tally();

        int groupsCreated;
        int groupsUpdated;

        void groupCreated() {
            if (this != IGNORED) {
                groupsCreated++;
            }
        }

        void groupUpdated() {
            if (this != IGNORED) {
                groupsUpdated++;
            }
        }
    }

    private static <T> List<T> pages(Function<Integer, List<T>> page) {
        List<T> all = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<T> items = page.apply(first);
            all.addAll(items);
            if (items.size() < PAGE) {
                return all;
            }
        }
    }

    private static Optional<Long> firstLong(Map<String, List<String>> attributes, String name) {
        if (attributes == null || attributes.get(name) == null || attributes.get(name).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(attributes.get(name).get(0)));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static Map<String, List<String>> normalized(Map<String, List<String>> attributes) {
        Map<String, List<String>> result = new HashMap<>();
        if (attributes != null) {
            attributes.forEach((key, values) -> {
                List<String> kept = values == null ? List.of()
                        : values.stream().filter(value -> value != null && !value.isBlank()).sorted().toList();
                if (!kept.isEmpty()) {
                    result.put(key, kept);
                }
            });
        }
        return result;
    }

    private static void putIfPresent(Map<String, List<String>> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, List.of(value.strip()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
