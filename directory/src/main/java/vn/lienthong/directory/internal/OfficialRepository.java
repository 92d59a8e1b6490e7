package vn.lienthong.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;

/** The officials table with their roles and password hashes. */
@Repository
class OfficialRepository {

    private static final String SELECT = """
            select o.id, o.username, o.full_name, o.title, o.unit_id, o.email, o.phone, o.active,
                   o.managed_unit_id, o.version, r.role
              from dir_official o left join dir_official_role r on r.official_id = o.id
            """;

    private final JdbcClient jdbc;

    OfficialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of {@code dir_official} with its roles. */
    record OfficialRow(long id, String username, String fullName, String title, long unitId, String email,
                       String phone, boolean active, Set<Role> roles, Long managedUnitId, long version) {

        Official toOfficial() {
            return new Official(id, username, fullName, title == null ? "" : title, unitId, email,
                    phone == null ? "" : phone, active, roles, managedUnitId);
        }
    }

    /** The fields an administrator sets, already validated and normalised. */
    record OfficialData(String username, String fullName, String title, long unitId, String email, String phone,
                        Set<Role> roles, Long managedUnitId) {

        String searchFolded() {
            return VietnameseText.searchText(List.of(fullName, title == null ? "" : title),
                    List.of(username, email));
        }
    }

    Optional<OfficialRow> findById(long id) {
        return single(query(SELECT + " where o.id = :value", id));
    }

    Optional<OfficialRow> findByUsername(String username) {
        return single(query(SELECT + " where o.username = :value", username));
    }

    Optional<OfficialRow> findByEmail(String email) {
        return single(query(SELECT + " where o.email = :value", email));
    }

    List<OfficialRow> findByUnit(long unitId, boolean includeInactive) {
        return query(SELECT + " where o.unit_id = :value" + (includeInactive ? "" : " and o.active = true"), unitId);
    }

    /** Active officials of every unit whose path starts with {@code path}. */
    List<OfficialRow> findActiveInSubtree(String path) {
        return query(SELECT + " join dir_unit u on u.id = o.unit_id where o.active = true and u.path like :value",
                path + "%");
    }

    /** Active officials whose search text has a word starting with each query word. */
    List<OfficialRow> search(List<String> words) {
        StringBuilder where = new StringBuilder(" where o.active = true");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            where.append(" and (' ' || o.search_folded) like :w").append(i).append(" escape '\\'");
            params.put("w" + i, UnitRepository.likePattern(words.get(i)));
        }
        return jdbc.sql(SELECT + where + " order by o.id").params(params).query(OfficialRepository::rows);
    }

    List<OfficialRow> findAdminsManaging(long unitId) {
        return query(SELECT + " where o.managed_unit_id = :value", unitId);
    }

    boolean existsByUsername(String username) {
        return jdbc.sql("select count(*) from dir_official where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    /** Whether another official (not {@code exceptId}) has this e-mail. */
    boolean existsByEmail(String email, long exceptId) {
        return jdbc.sql("select count(*) from dir_official where email = ? and id <> ?").params(email, exceptId)
                .query(Integer.class).single() > 0;
    }

    int countActiveInUnit(long unitId) {
        return jdbc.sql("select count(*) from dir_official where unit_id = ? and active = true").param(unitId)
                .query(Integer.class).single();
    }

    int countActiveWithRole(Role role) {
        return jdbc.sql("""
                        select count(*) from dir_official o join dir_official_role r on r.official_id = o.id
                         where o.active = true and r.role = ?""")
                .param(role.name()).query(Integer.class).single();
    }

    long insert(OfficialData data) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into dir_official (username, full_name, name_folded, search_folded, title, unit_id,
                                                  email, phone, managed_unit_id)
                        values (:username, :fullName, :nameFolded, :searchFolded, :title, :unitId, :email, :phone,
                                :managedUnitId)""")
                .param("username", data.username()).param("fullName", data.fullName())
                .param("nameFolded", VietnameseText.fold(data.fullName())).param("searchFolded", data.searchFolded())
                .param("title", data.title()).param("unitId", data.unitId()).param("email", data.email())
                .param("phone", data.phone()).param("managedUnitId", data.managedUnitId(), java.sql.Types.BIGINT)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertRoles(id, data.roles());
        return id;
    }

    void update(OfficialRow official, OfficialData data) {
        int updated = jdbc.sql("""
                        update dir_official set full_name = :fullName, name_folded = :nameFolded,
                               search_folded = :searchFolded, title = :title, email = :email, phone = :phone,
                               managed_unit_id = :managedUnitId, updated_at = current_timestamp,
                               version = version + 1
                         where id = :id and version = :version""")
                .param("fullName", data.fullName()).param("nameFolded", VietnameseText.fold(data.fullName()))
                .param("searchFolded", data.searchFolded()).param("title", data.title())
                .param("email", data.email()).param("phone", data.phone())
                .param("managedUnitId", data.managedUnitId(), java.sql.Types.BIGINT)
                .param("id", official.id()).param("version", official.version())
                .update();
        checkUpdated(updated, official);
        if (!data.roles().equals(official.roles())) {
            jdbc.sql("delete from dir_official_role where official_id = ?").param(official.id()).update();
            insertRoles(official.id(), data.roles());
        }
    }

    void moveToUnit(OfficialRow official, long unitId) {
        int updated = jdbc.sql("""
                        update dir_official set unit_id = :unitId, updated_at = current_timestamp,
                               version = version + 1
                         where id = :id and version = :version""")
                .param("unitId", unitId).param("id", official.id()).param("version", official.version()).update();
        checkUpdated(updated, official);
    }

    /** Moves every official of one unit (active or not) to another; returns how many moved. */
    int moveAllToUnit(long fromUnitId, long toUnitId) {
        return jdbc.sql("""
                        update dir_official set unit_id = :to, updated_at = current_timestamp, version = version + 1
                         where unit_id = :from""")
                .param("to", toUnitId).param("from", fromUnitId).update();
    }

    void setActive(OfficialRow official, boolean active) {
        int updated = jdbc.sql("""
                        update dir_official set active = :active, updated_at = current_timestamp,
                               version = version + 1
                         where id = :id and version = :version""")
                .param("active", active).param("id", official.id()).param("version", official.version()).update();
        checkUpdated(updated, official);
    }

    long count() {
        return jdbc.sql("select count(*) from dir_official").query(Long.class).single();
    }

    Optional<String> passwordHash(long officialId) {
        return jdbc.sql("select password_hash from dir_official_password where official_id = ?").param(officialId)
                .query(String.class).optional();
    }

    void setPasswordHash(long officialId, String hash) {
        int updated = jdbc.sql("""
                        update dir_official_password set password_hash = ?, changed_at = current_timestamp
                         where official_id = ?""")
                .params(hash, officialId).update();
        if (updated == 0) {
            jdbc.sql("insert into dir_official_password (official_id, password_hash) values (?, ?)")
                    .params(officialId, hash).update();
        }
    }

    private void insertRoles(long officialId, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("insert into dir_official_role (official_id, role) values (?, ?)")
                    .params(officialId, role.name()).update();
        }
    }

    private List<OfficialRow> query(String sql, Object value) {
        return jdbc.sql(sql + " order by o.id").param("value", value).query(OfficialRepository::rows);
    }

    private static Optional<OfficialRow> single(List<OfficialRow> rows) {
        return rows.stream().findFirst();
    }

    /** One official per id; the join yields one row per role. */
    private static List<OfficialRow> rows(ResultSet rs) throws SQLException {
        Map<Long, OfficialRow> officials = new LinkedHashMap<>();
        Map<Long, Set<Role>> roles = new HashMap<>();
        while (rs.next()) {
            long id = rs.getLong("id");
            if (!officials.containsKey(id)) {
                Set<Role> set = EnumSet.noneOf(Role.class);
                roles.put(id, set);
                officials.put(id, new OfficialRow(id, rs.getString("username"), rs.getString("full_name"),
                        rs.getString("title"), rs.getLong("unit_id"), rs.getString("email"), rs.getString("phone"),
                        rs.getBoolean("active"), set, rs.getObject("managed_unit_id", Long.class),
                        rs.getLong("version")));
            }
            String role = rs.getString("role");
            if (role != null) {
                roles.get(id).add(Role.valueOf(role));
            }
        }
        List<OfficialRow> result = new ArrayList<>(officials.size());
        for (OfficialRow row : officials.values()) {
            // The record was built with the (then still empty) mutable set; freeze it now.
            result.add(new OfficialRow(row.id(), row.username(), row.fullName(), row.title(), row.unitId(),
                    row.email(), row.phone(), row.active(), Set.copyOf(roles.get(row.id())), row.managedUnitId(),
                    row.version()));
        }
        return result;
    }

    private static void checkUpdated(int updated, OfficialRow official) {
        if (updated != 1) {
            throw new OptimisticLockingFailureException(
                    "Official " + official.id() + " was changed by someone else (version " + official.version() + ")");
        }
    }
}
