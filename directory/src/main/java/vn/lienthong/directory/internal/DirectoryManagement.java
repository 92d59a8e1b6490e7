package vn.lienthong.directory.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.DirectoryValidationException;
import vn.lienthong.directory.ImportKind;
import vn.lienthong.directory.ImportReport;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialChanged;
import vn.lienthong.directory.OfficialCreated;
import vn.lienthong.directory.OfficialDeactivated;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.OfficialMoved;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitChanged;
import vn.lienthong.directory.UnitCreated;
import vn.lienthong.directory.UnitDeactivated;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitMerged;
import vn.lienthong.directory.UnitMoved;
import vn.lienthong.directory.internal.Drafts.UnitFields;
import vn.lienthong.directory.internal.OfficialRepository.OfficialData;
import vn.lienthong.directory.internal.OfficialRepository.OfficialRow;
import vn.lienthong.directory.internal.UnitRepository.UnitRow;

/**
 * The directory: reads for every module, changes for administrators. Every change checks the actor's scope, then
 * the input, then writes and publishes one event; listeners that use {@code @ApplicationModuleListener} or
 * {@code @TransactionalEventListener} see it after commit.
 *
 * <p>Decisions worth knowing:
 * <ul>
 * <li>A username never changes (it is the login and the Keycloak user); the e-mail may.</li>
 * <li>Moving an official keeps their mail address; an administrator changes it when wanted.</li>
 * <li>A merge moves every official (active or not) and the active child units; inactive children stay with the
 * merged unit. Unit administrators of the merged unit keep their (now inactive) managed unit: a merge never
 * widens anyone's rights silently. {@link #mergeUnit} returns the target.</li>
 * <li>Administrators cannot deactivate themselves, and the last active system administrator cannot lose that
 * role or be deactivated.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
class DirectoryManagement implements Directory, DirectoryAdministration {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final UnitRepository units;
    private final OfficialRepository officials;
    private final ApplicationEventPublisher events;
    private final ImportSettings importSettings;

    DirectoryManagement(UnitRepository units, OfficialRepository officials, ApplicationEventPublisher events,
                        ImportSettings importSettings) {
        this.units = units;
        this.officials = officials;
        this.events = events;
        this.importSettings = importSettings;
    }

    // ---------------------------------------------------------------- reads: units

    @Override
    public Optional<Unit> findUnit(long id) {
        return units.findById(id).map(this::toUnit);
    }

    @Override
    public Optional<Unit> findUnitByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return units.findByCode(code.strip().toUpperCase(Locale.ROOT)).map(this::toUnit);
    }

    @Override
    public List<Unit> roots() {
        return sortedByName(toUnits(units.findActiveRoots()));
    }

    @Override
    public List<Unit> children(long unitId) {
        return sortedByName(toUnits(units.findActiveChildren(unitId)));
    }

    @Override
    public List<Unit> subtree(long unitId) {
        Optional<UnitRow> root = units.findById(unitId);
        if (root.isEmpty()) {
            return List.of();
        }
        List<UnitRow> rows = units.findSubtree(root.get().path()).stream()
                .filter(row -> row.active() || row.id() == unitId)
                .toList();
        return treeOrder(toUnits(rows));
    }

    @Override
    public List<Unit> allUnits() {
        Map<Long, List<String>> formerNames = units.allFormerNames();
        return treeOrder(units.findAll().stream()
                .map(row -> row.toUnit(formerNames.getOrDefault(row.id(), List.of())))
                .toList());
    }

    @Override
    public List<Unit> pathTo(long unitId) {
        Optional<UnitRow> unit = units.findById(unitId);
        if (unit.isEmpty()) {
            return List.of();
        }
        List<Long> ids = unit.get().pathIds();
        return toUnits(units.findByIds(ids)).stream()
                .sorted(Comparator.comparingInt(u -> ids.indexOf(u.id())))
                .toList();
    }

    @Override
    public List<Unit> searchUnits(String query, int limit) {
        List<String> words = VietnameseText.queryWords(query);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        return sortedByName(toUnits(units.search(words))).stream().limit(limit).toList();
    }

    @Override
    public Optional<String> mailDomainOf(long unitId) {
        return units.findById(unitId).flatMap(units::nearestMailDomain);
    }

    // ---------------------------------------------------------------- reads: officials

    @Override
    public Optional<Official> findOfficial(long id) {
        return officials.findById(id).map(OfficialRow::toOfficial);
    }

    @Override
    public Optional<Official> findOfficialByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return officials.findByUsername(username.strip().toLowerCase(Locale.ROOT)).map(OfficialRow::toOfficial);
    }

    @Override
    public Optional<Official> findOfficialByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return officials.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(OfficialRow::toOfficial);
    }

    @Override
    public List<Official> officialsOf(long unitId, boolean includeInactive) {
        return sorted(officials.findByUnit(unitId, includeInactive));
    }

    @Override
    public List<Official> officialsInSubtree(long unitId) {
        return units.findById(unitId).map(unit -> sorted(officials.findActiveInSubtree(unit.path())))
                .orElse(List.of());
    }

    @Override
    public List<Official> searchOfficials(String query, int limit) {
        List<String> words = VietnameseText.queryWords(query);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        return sorted(officials.search(words)).stream().limit(limit).toList();
    }

    @Override
    public boolean canAdminister(String username, long unitId) {
        Optional<UnitRow> unit = units.findById(unitId);
        return unit.isPresent() && findActor(username).map(actor -> actor.canAdminister(unit.get())).orElse(false);
    }

    // ---------------------------------------------------------------- changes: units

    @Override
    @Transactional
    public Unit createUnit(String actor, UnitDraft draft) {
        return createUnit(actor(actor), draft);
    }

    @Transactional
    Unit createUnit(Actor actor, UnitDraft draft) {
        UnitRow parent = null;
        if (draft != null && draft.parentId() != null) {
            parent = administered(actor, draft.parentId(), "parentId");
            if (!parent.active()) {
                throw new DirectoryValidationException("parentId",
                        "Đơn vị cấp trên “" + parent.name() + "” đã ngừng hoạt động.");
            }
        }
        else if (!actor.systemAdmin()) {
            throw new AccessDeniedException("Chỉ quản trị hệ thống mới tạo được đơn vị cấp cao nhất.");
        }
        UnitFields fields = Drafts.unit(draft);
        requireFreeCode(fields.code(), 0);
        long id;
        try {
            id = units.insert(fields.code(), fields.name(), fields.searchFolded(), fields.level(), parent,
                    fields.mailDomain(), fields.mailLocalPart());
        }
        catch (DuplicateKeyException e) {
            throw codeTaken(fields.code());
        }
        events.publishEvent(new UnitCreated(id));
        return findUnit(id).orElseThrow();
    }

    @Override
    @Transactional
    public Unit updateUnit(String actor, long unitId, UnitDraft draft) {
        UnitRow unit = administered(actor(actor), unitId, "id");
        requireActive(unit);
        UnitFields fields = Drafts.unit(draft);
        if (!fields.code().equals(unit.code())) {
            requireFreeCode(fields.code(), unit.id());
        }
        boolean renamed = !fields.name().equals(unit.name());
        boolean changed = renamed || !fields.code().equals(unit.code()) || fields.level() != unit.level()
                || !Objects.equals(fields.mailDomain(), unit.mailDomain())
                || !Objects.equals(fields.mailLocalPart(), unit.mailLocalPart());
        if (!changed) {
            return toUnit(unit);
        }
        try {
            units.update(unit, fields.code(), fields.name(), fields.searchFolded(), fields.level(),
                    fields.mailDomain(), fields.mailLocalPart());
        }
        catch (DuplicateKeyException e) {
            throw codeTaken(fields.code());
        }
        if (renamed) {
            units.addFormerName(unit.id(), unit.name());
        }
        events.publishEvent(new UnitChanged(unit.id(), unit.name(), fields.name()));
        return findUnit(unit.id()).orElseThrow();
    }

    @Override
    @Transactional
    public Unit moveUnit(String actor, long unitId, long newParentId) {
        Actor acting = actor(actor);
        administered(acting, unitId, "id");
        administered(acting, newParentId, "parentId");
        units.lock(List.of(unitId, newParentId));
        // Read again under the lock: a concurrent move may have changed the paths.
        UnitRow unit = units.findById(unitId).orElseThrow();
        UnitRow parent = units.findById(newParentId).orElseThrow();
        if (parent.isWithin(unit)) {
            throw new DirectoryValidationException("parentId", "Không thể chuyển “" + unit.name()
                    + "” vào chính nó hoặc một đơn vị cấp dưới của nó.");
        }
        requireActive(unit);
        if (!parent.active()) {
            throw new DirectoryValidationException("parentId",
                    "Đơn vị cấp trên “" + parent.name() + "” đã ngừng hoạt động.");
        }
        if (Objects.equals(unit.parentId(), parent.id())) {
            return toUnit(unit);
        }
        units.move(unit, parent);
        events.publishEvent(new UnitMoved(unit.id(), unit.parentId(), parent.id()));
        return findUnit(unit.id()).orElseThrow();
    }

    @Override
    @Transactional
    public Unit deactivateUnit(String actor, long unitId) {
        administered(actor(actor), unitId, "id");
        units.lock(List.of(unitId));
        UnitRow unit = units.findById(unitId).orElseThrow();
        if (!unit.active()) {
            return toUnit(unit);
        }
        int children = units.countActiveChildren(unitId);
        if (children > 0) {
            throw new DirectoryValidationException("id", "“" + unit.name() + "” còn " + children
                    + " đơn vị trực thuộc đang hoạt động: hãy chuyển, sáp nhập hoặc ngừng các đơn vị đó trước.");
        }
        int people = officials.countActiveInUnit(unitId);
        if (people > 0) {
            throw new DirectoryValidationException("id", "“" + unit.name() + "” còn " + people
                    + " cán bộ đang hoạt động: hãy chuyển cán bộ sang đơn vị khác hoặc ngừng tài khoản trước.");
        }
        units.deactivate(unit, null);
        events.publishEvent(new UnitDeactivated(unitId));
        return findUnit(unitId).orElseThrow();
    }

    @Override
    @Transactional
    public Unit mergeUnit(String actor, long sourceId, long targetId) {
        Actor acting = actor(actor);
        administered(acting, sourceId, "id");
        administered(acting, targetId, "targetId");
        if (sourceId == targetId) {
            throw new DirectoryValidationException("targetId", "Không thể sáp nhập một đơn vị vào chính nó.");
        }
        units.lock(List.of(sourceId, targetId));
        UnitRow source = units.findById(sourceId).orElseThrow();
        UnitRow target = units.findById(targetId).orElseThrow();
        if (target.isWithin(source)) {
            throw new DirectoryValidationException("targetId", "Không thể sáp nhập “" + source.name()
                    + "” vào một đơn vị cấp dưới của nó.");
        }
        requireActive(source);
        if (!target.active()) {
            throw new DirectoryValidationException("targetId",
                    "Đơn vị nhận sáp nhập “" + target.name() + "” đã ngừng hoạt động.");
        }
        for (UnitRow child : units.findActiveChildren(sourceId)) {
            units.move(child, target);
        }
        officials.moveAllToUnit(sourceId, targetId);
        units.copyFormerNames(sourceId, targetId);
        units.addFormerName(targetId, source.name());
        units.deactivate(source, targetId);
        events.publishEvent(new UnitMerged(sourceId, targetId));
        return findUnit(targetId).orElseThrow();
    }

    // ---------------------------------------------------------------- changes: officials

    @Override
    @Transactional
    public Official createOfficial(String actor, OfficialDraft draft) {
        return createOfficial(actor(actor), draft);
    }

    @Transactional
    Official createOfficial(Actor actor, OfficialDraft draft) {
        if (draft == null || draft.unitId() == null) {
            throw new DirectoryValidationException("unitId", "Chọn đơn vị công tác.");
        }
        UnitRow unit = administered(actor, draft.unitId(), "unitId");
        if (!unit.active()) {
            throw new DirectoryValidationException("unitId", "Đơn vị “" + unit.name() + "” đã ngừng hoạt động.");
        }
        String username = Drafts.username(draft.username());
        if (officials.existsByUsername(username)) {
            throw usernameTaken(username);
        }
        OfficialData data = officialData(actor, username, draft, unit, null);
        long id;
        try {
            id = officials.insert(data);
        }
        catch (DuplicateKeyException e) {
            throw officials.existsByUsername(username) ? usernameTaken(username) : emailTaken(data.email());
        }
        events.publishEvent(new OfficialCreated(id));
        return findOfficial(id).orElseThrow();
    }

    @Override
    @Transactional
    public Official updateOfficial(String actor, long officialId, OfficialDraft draft) {
        Actor acting = actor(actor);
        OfficialRow official = administeredOfficial(acting, officialId);
        if (draft == null) {
            throw new DirectoryValidationException("fullName", "Thiếu thông tin cán bộ.");
        }
        if (draft.username() != null && !draft.username().isBlank()
                && !draft.username().strip().toLowerCase(Locale.ROOT).equals(official.username())) {
            throw new DirectoryValidationException("username",
                    "Không thể đổi tên đăng nhập: hãy tạo tài khoản mới và ngừng tài khoản cũ.");
        }
        UnitRow unit = units.findById(official.unitId()).orElseThrow();
        OfficialData data = officialData(acting, official.username(), draft, unit, official);
        if (official.roles().contains(Role.SYSTEM_ADMIN) && !data.roles().contains(Role.SYSTEM_ADMIN)) {
            requireAnotherSystemAdmin(official, "roles");
        }
        OfficialData current = new OfficialData(official.username(), official.fullName(), official.title(),
                official.unitId(), official.email(), official.phone(), official.roles(), official.managedUnitId());
        if (data.equals(current)) {
            return official.toOfficial();
        }
        try {
            officials.update(official, data);
        }
        catch (DuplicateKeyException e) {
            throw emailTaken(data.email());
        }
        events.publishEvent(new OfficialChanged(officialId, official.email(), data.email()));
        return findOfficial(officialId).orElseThrow();
    }

    @Override
    @Transactional
    public Official moveOfficial(String actor, long officialId, long newUnitId) {
        Actor acting = actor(actor);
        OfficialRow official = administeredOfficial(acting, officialId);
        UnitRow unit = administered(acting, newUnitId, "unitId");
        if (!unit.active()) {
            throw new DirectoryValidationException("unitId", "Đơn vị “" + unit.name() + "” đã ngừng hoạt động.");
        }
        if (official.unitId() == newUnitId) {
            return official.toOfficial();
        }
        officials.moveToUnit(official, newUnitId);
        events.publishEvent(new OfficialMoved(officialId, official.unitId(), newUnitId));
        return findOfficial(officialId).orElseThrow();
    }

    @Override
    @Transactional
    public Official deactivateOfficial(String actor, long officialId) {
        Actor acting = actor(actor);
        OfficialRow official = administeredOfficial(acting, officialId);
        if (!official.active()) {
            return official.toOfficial();
        }
        if (official.username().equals(acting.username())) {
            throw new DirectoryValidationException("id", "Bạn không thể tự ngừng tài khoản của chính mình.");
        }
        if (official.roles().contains(Role.SYSTEM_ADMIN)) {
            requireAnotherSystemAdmin(official, "id");
        }
        officials.setActive(official, false);
        events.publishEvent(new OfficialDeactivated(officialId));
        return findOfficial(officialId).orElseThrow();
    }

    @Override
    @Transactional
    public Official reactivateOfficial(String actor, long officialId) {
        OfficialRow official = administeredOfficial(actor(actor), officialId);
        if (official.active()) {
            return official.toOfficial();
        }
        UnitRow unit = units.findById(official.unitId()).orElseThrow();
        if (!unit.active()) {
            throw new DirectoryValidationException("unitId", "Đơn vị “" + unit.name()
                    + "” đã ngừng hoạt động: hãy chuyển cán bộ sang đơn vị khác trước khi mở lại tài khoản.");
        }
        officials.setActive(official, true);
        events.publishEvent(new OfficialChanged(officialId, official.email(), official.email()));
        return findOfficial(officialId).orElseThrow();
    }

    /**
     * Sets a password. Officials may set their own; administrators those of officials in their scope (only a
     * system administrator those of system administrators).
     */
    @Override
    @Transactional
    public void setPassword(String actor, long officialId, String rawPassword) {
        OfficialRow self = actorOfficial(actor).orElse(null);
        if (self == null || self.id() != officialId) {
            administeredOfficial(actor(actor), officialId);
        }
        setPasswordHash(officialId, PASSWORDS.encode(Drafts.password(rawPassword)));
    }

    @Transactional
    void setPasswordHash(long officialId, String hash) {
        officials.setPasswordHash(officialId, hash);
    }

    static PasswordEncoder passwordEncoder() {
        return PASSWORDS;
    }

    // ---------------------------------------------------------------- CSV import

    @Override
    @Transactional
    public ImportReport importCsv(String actor, ImportKind kind, InputStream csv) {
        Actor acting = actor(actor);
        CsvImport csvImport = new CsvImport(units, officials, importSettings);
        CsvImport.Plan plan = kind == ImportKind.UNITS
                ? csvImport.planUnits(acting, csv)
                : csvImport.planOfficials(acting, csv);
        if (!plan.errors().isEmpty()) {
            return new ImportReport(0, plan.errors());
        }
        Map<String, Long> created = new HashMap<>();
        for (CsvImport.UnitLine line : plan.units()) {
            Long parentId = line.parentCode() == null ? null
                    : created.containsKey(line.parentCode()) ? created.get(line.parentCode())
                    : units.findByCode(line.parentCode()).orElseThrow().id();
            UnitDraft draft = new UnitDraft(line.draft().code(), line.draft().name(), line.draft().level(), parentId,
                    line.draft().mailDomain(), line.draft().mailLocalPart());
            created.put(line.draft().code(), createUnit(acting, draft).id());
        }
        for (OfficialDraft draft : plan.officials()) {
            createOfficial(acting, draft);
        }
        return new ImportReport(plan.units().size() + plan.officials().size(), List.of());
    }

    // ---------------------------------------------------------------- helpers

    /** The acting administrator, or {@link AccessDeniedException} if they are none. */
    private Actor actor(String username) {
        return findActor(username)
                .orElseThrow(() -> new AccessDeniedException("Bạn không có quyền quản trị danh bạ."));
    }

    private Optional<OfficialRow> actorOfficial(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return officials.findByUsername(username.strip().toLowerCase(Locale.ROOT)).filter(OfficialRow::active);
    }

    private Optional<Actor> findActor(String username) {
        Optional<OfficialRow> official = actorOfficial(username);
        if (official.isEmpty()) {
            return Optional.empty();
        }
        OfficialRow row = official.get();
        if (row.roles().contains(Role.SYSTEM_ADMIN)) {
            return Optional.of(new Actor(row.username(), true, null));
        }
        if (row.roles().contains(Role.UNIT_ADMIN) && row.managedUnitId() != null) {
            return units.findById(row.managedUnitId())
                    .map(managed -> new Actor(row.username(), false, managed.path()));
        }
        return Optional.empty();
    }

    /**
     * The unit, if the actor may administer it. Outside their scope a unit administrator gets the same refusal
     * whether the unit exists or not.
     */
    private UnitRow administered(Actor actor, long unitId, String field) {
        Optional<UnitRow> unit = units.findById(unitId);
        if (unit.isPresent() && !actor.canAdminister(unit.get()) || unit.isEmpty() && !actor.systemAdmin()) {
            throw new AccessDeniedException("Bạn không có quyền quản trị đơn vị này.");
        }
        return unit.orElseThrow(() -> new DirectoryValidationException(field, "Không tìm thấy đơn vị số " + unitId + "."));
    }

    private OfficialRow administeredOfficial(Actor actor, long officialId) {
        Optional<OfficialRow> official = officials.findById(officialId);
        if (official.isEmpty()) {
            if (!actor.systemAdmin()) {
                throw new AccessDeniedException("Bạn không có quyền quản trị cán bộ này.");
            }
            throw new DirectoryValidationException("id", "Không tìm thấy cán bộ số " + officialId + ".");
        }
        UnitRow unit = units.findById(official.get().unitId()).orElseThrow();
        if (!actor.canAdminister(unit)) {
            throw new AccessDeniedException("Bạn không có quyền quản trị cán bộ này.");
        }
        if (official.get().roles().contains(Role.SYSTEM_ADMIN) && !actor.systemAdmin()) {
            throw new AccessDeniedException("Chỉ quản trị hệ thống mới thay đổi được tài khoản quản trị hệ thống.");
        }
        return official.get();
    }

    /** Validated, normalised fields; roles and managed unit checked against the actor's scope. */
    private OfficialData officialData(Actor actor, String username, OfficialDraft draft, UnitRow unit,
                                      OfficialRow existing) {
        String fullName = Drafts.name("fullName", draft.fullName(), "Họ và tên");
        String title = Drafts.optionalText("title", draft.title(), "Chức vụ");
        String phone = Drafts.phone(draft.phone());
        String email = Drafts.email(draft.email());
        if (email == null) {
            if (existing != null) {
                email = existing.email();
            }
            else {
                String domain = units.nearestMailDomain(unit).orElseThrow(() -> new DirectoryValidationException(
                        "email", "Đơn vị “" + unit.name() + "” chưa có tên miền thư: hãy nhập địa chỉ thư điện tử."));
                email = Drafts.email(username + "@" + domain);
            }
        }
        if (officials.existsByEmail(email, existing == null ? 0 : existing.id())) {
            throw emailTaken(email);
        }
        Set<Role> roles = EnumSet.of(Role.OFFICIAL);
        roles.addAll(draft.roles());
        if (roles.contains(Role.SYSTEM_ADMIN) && !actor.systemAdmin()) {
            throw new AccessDeniedException("Chỉ quản trị hệ thống mới cấp được quyền quản trị hệ thống.");
        }
        Long managedUnitId = null;
        if (roles.contains(Role.UNIT_ADMIN)) {
            if (draft.managedUnitId() == null) {
                throw new DirectoryValidationException("managedUnitId",
                        "Chọn đơn vị mà quản trị đơn vị được quản lý.");
            }
            UnitRow managed = units.findById(draft.managedUnitId()).orElseThrow(() ->
                    new DirectoryValidationException("managedUnitId", "Không tìm thấy đơn vị được quản lý."));
            if (!actor.canAdminister(managed)) {
                throw new AccessDeniedException(
                        "Bạn chỉ cấp được quyền quản trị đơn vị trong phạm vi đơn vị mình quản lý.");
            }
            managedUnitId = managed.id();
        }
        return new OfficialData(username, fullName, title, unit.id(), email, phone, Set.copyOf(roles),
                managedUnitId);
    }

    private void requireAnotherSystemAdmin(OfficialRow official, String field) {
        if (official.active() && officials.countActiveWithRole(Role.SYSTEM_ADMIN) <= 1) {
            throw new DirectoryValidationException(field,
                    "Phải còn ít nhất một quản trị hệ thống đang hoạt động.");
        }
    }

    private void requireFreeCode(String code, long exceptUnitId) {
        Optional<UnitRow> other = units.findByCode(code);
        if (other.isPresent() && other.get().id() != exceptUnitId) {
            throw codeTaken(code);
        }
    }

    private static void requireActive(UnitRow unit) {
        if (!unit.active()) {
            throw new DirectoryValidationException("id", "Đơn vị “" + unit.name() + "” đã ngừng hoạt động.");
        }
    }

    private static DirectoryValidationException codeTaken(String code) {
        return new DirectoryValidationException("code", "Mã đơn vị " + code + " đã được dùng cho đơn vị khác.");
    }

    private static DirectoryValidationException usernameTaken(String username) {
        return new DirectoryValidationException("username", "Tên đăng nhập " + username + " đã được dùng.");
    }

    private static DirectoryValidationException emailTaken(String email) {
        return new DirectoryValidationException("email", "Địa chỉ thư " + email + " đã được dùng.");
    }

    private Unit toUnit(UnitRow row) {
        return row.toUnit(units.formerNames(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private List<Unit> toUnits(List<UnitRow> rows) {
        Map<Long, List<String>> formerNames = units.formerNames(rows.stream().map(UnitRow::id).toList());
        return rows.stream().map(row -> row.toUnit(formerNames.getOrDefault(row.id(), List.of()))).toList();
    }

    private static List<Unit> sortedByName(List<Unit> list) {
        return list.stream().sorted(VietnameseText.UNIT_ORDER).toList();
    }

    private static List<Official> sorted(List<OfficialRow> rows) {
        return rows.stream().map(OfficialRow::toOfficial).sorted(VietnameseText.OFFICIAL_ORDER).toList();
    }

    /** Parents before children, siblings by name; units whose parent is not in the list start a tree. */
    private static List<Unit> treeOrder(List<Unit> list) {
        Map<Long, Unit> byId = new HashMap<>();
        list.forEach(unit -> byId.put(unit.id(), unit));
        Map<Long, List<Unit>> children = new HashMap<>();
        List<Unit> tops = new ArrayList<>();
        for (Unit unit : list) {
            if (unit.parentId() != null && byId.containsKey(unit.parentId())) {
                children.computeIfAbsent(unit.parentId(), id -> new ArrayList<>()).add(unit);
            }
            else {
                tops.add(unit);
            }
        }
        List<Unit> ordered = new ArrayList<>(list.size());
        appendTree(sortedByName(tops), children, ordered);
        return ordered;
    }

    private static void appendTree(List<Unit> level, Map<Long, List<Unit>> children, List<Unit> ordered) {
        for (Unit unit : level) {
            ordered.add(unit);
            appendTree(sortedByName(children.getOrDefault(unit.id(), List.of())), children, ordered);
        }
    }
}
