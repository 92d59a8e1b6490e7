package vn.lienthong.directory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;

/** The units table and its former names. Rows are plain records; {@link DirectoryManagement} holds the rules. */
@Repository
class UnitRepository {

    private static final String COLUMNS = "u.id, u.code, u.name, u.level, u.parent_id, u.path, u.mail_domain, "
            + "u.mail_local_part, u.active, u.merged_into_id, u.version";

    private static final RowMapper<UnitRow> ROW = (rs, n) -> new UnitRow(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), UnitLevel.valueOf(rs.getString("level")), rs.getObject("parent_id", Long.class),
            rs.getString("path"), rs.getString("mail_domain"), rs.getString("mail_local_part"),
            rs.getBoolean("active"), rs.getObject("merged_into_id", Long.class), rs.getLong("version"));

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of {@code dir_unit}. {@code path} is the materialised id path, e.g. {@code /1/5/23/}. */
    record UnitRow(long id, String code, String name, UnitLevel level, Long parentId, String path, String mailDomain,
                   String mailLocalPart, boolean active, Long mergedIntoId, long version) {

        List<Long> pathIds() {
            return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        }

        /** Whether this unit is {@code ancestor} or lies below it. */
        boolean isWithin(UnitRow ancestor) {
            return path.startsWith(ancestor.path);
        }

        Unit toUnit(List<String> formerNames) {
            return new Unit(id, code, name, level, parentId, pathIds(), mailDomain, mailLocalPart, active,
                    mergedIntoId, formerNames);
        }
    }

    Optional<UnitRow> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from dir_unit u where u.id = ?").param(id).query(ROW).optional();
    }

    Optional<UnitRow> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from dir_unit u where u.code = ?").param(code).query(ROW).optional();
    }

    List<UnitRow> findAll() {
        return jdbc.sql("select " + COLUMNS + " from dir_unit u").query(ROW).list();
    }

    List<UnitRow> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from dir_unit u where u.id in (:ids)").param("ids", ids)
                .query(ROW).list();
    }

    List<UnitRow> findActiveRoots() {
        return jdbc.sql("select " + COLUMNS + " from dir_unit u where u.parent_id is null and u.active = true")
                .query(ROW).list();
    }

    List<UnitRow> findActiveChildren(long parentId) {
        return jdbc.sql("select " + COLUMNS + " from dir_unit u where u.parent_id = ? and u.active = true")
                .param(parentId).query(ROW).list();
    }

    /** The unit with this path and everything below it, active or not. */
    List<UnitRow> findSubtree(String path) {
        return jdbc.sql("select " + COLUMNS + " from dir_unit u where u.path like ?").param(path + "%")
                .query(ROW).list();
    }

    /**
     * Active units whose current search text, or one of whose former names, has a word starting with each query
     * word (all words folded).
     */
    List<UnitRow> search(List<String> words) {
        StringBuilder current = new StringBuilder();
        StringBuilder former = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String and = i == 0 ? "" : " and ";
            current.append(and).append("(' ' || u.search_folded) like :w").append(i).append(" escape '\\'");
            former.append(and).append("(' ' || f.name_folded) like :w").append(i).append(" escape '\\'");
            params.put("w" + i, likePattern(words.get(i)));
        }
        return jdbc.sql("select " + COLUMNS + " from dir_unit u where u.active = true and ((" + current
                        + ") or exists (select 1 from dir_unit_former_name f where f.unit_id = u.id and " + former
                        + "))")
                .params(params).query(ROW).list();
    }

    /**
     * A LIKE pattern (escape character '\\') for one folded query word, matched against ' ' + search text: a
     * plain word must start a word ("an" finds "An" and "Anh", not "Lan"); a word with '.', '@', '_' or '-' is a
     * piece of an identifier and may start anywhere ("vinhloi.baclieu" finds "an@vinhloi.baclieu.gov.vn").
     */
    static String likePattern(String word) {
        boolean identifier = word.chars().anyMatch(c -> c == '.' || c == '@' || c == '_' || c == '-');
        return (identifier ? "%" : "% ") + escapeLike(word) + "%";
    }

    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Former names by unit id, oldest first. */
    Map<Long, List<String>> formerNames(Collection<Long> unitIds) {
        Map<Long, List<String>> names = new HashMap<>();
        if (unitIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select unit_id, name from dir_unit_former_name where unit_id in (:ids) order by until, id")
                .param("ids", unitIds)
                .query((rs, n) -> names.computeIfAbsent(rs.getLong("unit_id"), id -> new ArrayList<>())
                        .add(rs.getString("name")))
                .list();
        return names;
    }

    Map<Long, List<String>> allFormerNames() {
        Map<Long, List<String>> names = new HashMap<>();
        jdbc.sql("select unit_id, name from dir_unit_former_name order by until, id")
                .query((rs, n) -> names.computeIfAbsent(rs.getLong("unit_id"), id -> new ArrayList<>())
                        .add(rs.getString("name")))
                .list();
        return names;
    }

    /** Locks the rows until the transaction ends, in id order (so two movers cannot deadlock each other). */
    void lock(Collection<Long> ids) {
        jdbc.sql("select id from dir_unit where id in (:ids) order by id for update").param("ids", ids)
                .query(Long.class).list();
    }

    long insert(String code, String name, String searchFolded, UnitLevel level, UnitRow parent, String mailDomain,
                String mailLocalPart) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into dir_unit (code, name, name_folded, search_folded, level, parent_id, path,
                                              mail_domain, mail_local_part)
                        values (:code, :name, :nameFolded, :searchFolded, :level, :parentId, '/', :mailDomain,
                                :mailLocalPart)""")
                .param("code", code).param("name", name).param("nameFolded", VietnameseText.fold(name))
                .param("searchFolded", searchFolded).param("level", level.name())
                .param("parentId", parent == null ? null : parent.id(), java.sql.Types.BIGINT)
                .param("mailDomain", mailDomain).param("mailLocalPart", mailLocalPart)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("update dir_unit set path = ? where id = ?").params(path, id).update();
        return id;
    }

    void update(UnitRow unit, String code, String name, String searchFolded, UnitLevel level, String mailDomain,
                String mailLocalPart) {
        int updated = jdbc.sql("""
                        update dir_unit set code = :code, name = :name, name_folded = :nameFolded,
                               search_folded = :searchFolded, level = :level, mail_domain = :mailDomain,
                               mail_local_part = :mailLocalPart, updated_at = current_timestamp,
                               version = version + 1
                         where id = :id and version = :version""")
                .param("code", code).param("name", name).param("nameFolded", VietnameseText.fold(name))
                .param("searchFolded", searchFolded).param("level", level.name())
                .param("mailDomain", mailDomain).param("mailLocalPart", mailLocalPart)
                .param("id", unit.id()).param("version", unit.version())
                .update();
        checkUpdated(updated, unit);
    }

    /** Puts the unit under a new parent and rewrites the paths of its whole subtree. */
    void move(UnitRow unit, UnitRow newParent) {
        int updated = jdbc.sql("""
                        update dir_unit set parent_id = :parentId, updated_at = current_timestamp,
                               version = version + 1
                         where id = :id and version = :version""")
                .param("parentId", newParent.id()).param("id", unit.id()).param("version", unit.version())
                .update();
        checkUpdated(updated, unit);
        String newPath = newParent.path() + unit.id() + "/";
        jdbc.sql("""
                        update dir_unit set path = :newPath || substring(path, :from)
                         where path like :oldPathPattern""")
                .param("newPath", newPath).param("from", unit.path().length() + 1)
                .param("oldPathPattern", unit.path() + "%")
                .update();
    }

    void deactivate(UnitRow unit, Long mergedIntoId) {
        int updated = jdbc.sql("""
                        update dir_unit set active = false, merged_into_id = :mergedIntoId,
                               updated_at = current_timestamp, version = version + 1
                         where id = :id and version = :version""")
                .param("mergedIntoId", mergedIntoId, java.sql.Types.BIGINT)
                .param("id", unit.id()).param("version", unit.version())
                .update();
        checkUpdated(updated, unit);
    }

    /** The mail domain of the unit or of its nearest ancestor that has one. */
    Optional<String> nearestMailDomain(UnitRow unit) {
        Map<Long, String> domains = new HashMap<>();
        jdbc.sql("select id, mail_domain from dir_unit where id in (:ids) and mail_domain is not null")
                .param("ids", unit.pathIds())
                .query((rs, n) -> domains.put(rs.getLong("id"), rs.getString("mail_domain")))
                .list();
        List<Long> ids = unit.pathIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String domain = domains.get(ids.get(i));
            if (domain != null) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }

    int countActiveChildren(long unitId) {
        return jdbc.sql("select count(*) from dir_unit where parent_id = ? and active = true").param(unitId)
                .query(Integer.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from dir_unit").query(Long.class).single();
    }

    void addFormerName(long unitId, String name) {
        jdbc.sql("insert into dir_unit_former_name (unit_id, name, name_folded) values (?, ?, ?)")
                .params(unitId, name, VietnameseText.fold(name)).update();
    }

    /** Copies the former names of one unit to another, keeping their dates. */
    void copyFormerNames(long fromUnitId, long toUnitId) {
        jdbc.sql("""
                        insert into dir_unit_former_name (unit_id, name, name_folded, until)
                        select :to, name, name_folded, until from dir_unit_former_name where unit_id = :from
                         order by until, id""")
                .param("to", toUnitId).param("from", fromUnitId).update();
    }

    private static void checkUpdated(int updated, UnitRow unit) {
        if (updated != 1) {
            throw new OptimisticLockingFailureException(
                    "Unit " + unit.id() + " was changed by someone else (version " + unit.version() + ")");
        }
    }
}
