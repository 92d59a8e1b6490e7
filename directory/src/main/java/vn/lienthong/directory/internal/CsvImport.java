package vn.lienthong.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.lienthong.directory.DirectoryValidationException;
import vn.lienthong.directory.ImportReport.LineError;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.directory.internal.UnitRepository.UnitRow;

/**
 * Reads and checks a CSV file of units or officials, without writing anything: the result is either a plan to
 * carry out in one transaction, or every problem found, by line number (the header is line 1; 0 is the file as a
 * whole).
 *
 * <p>The file is read in steps: size limit → strict UTF-8 (a file saved as Windows-1258 or Latin-1 is refused,
 * not garbled) → byte order mark removed → NFC → CSV records (',' or, as Excel writes under Vietnamese regional
 * settings, ';') → header → each line.
 *
 * <p>The import only creates: a code or username that already exists in the directory is an error on its line
 * (existing units and officials are changed in the administration pages, where each change is checked and
 * published on its own). Units may name as parent a unit defined earlier in the same file. Officials given the
 * role {@code unit-admin} manage their own unit.
 */
final class CsvImport {

    static final List<String> UNIT_COLUMNS =
            List.of("code", "name", "level", "parent_code", "mail_domain", "mail_local_part");
    static final List<String> UNIT_REQUIRED = List.of("code", "name", "level");
    static final List<String> OFFICIAL_COLUMNS =
            List.of("username", "full_name", "title", "unit_code", "email", "phone", "roles");
    static final List<String> OFFICIAL_REQUIRED = List.of("username", "full_name", "unit_code");

    private static final Map<String, UnitLevel> LEVELS = levels();

    private final UnitRepository units;
    private final OfficialRepository officials;
    private final ImportSettings settings;

    CsvImport(UnitRepository units, OfficialRepository officials, ImportSettings settings) {
        this.units = units;
        this.officials = officials;
        this.settings = settings;
    }

    /** A unit to create; {@code parentCode} is null for a root. */
    record UnitLine(long line, UnitDraftFields draft, String parentCode) {
    }

    record UnitDraftFields(String code, String name, UnitLevel level, String mailDomain, String mailLocalPart) {
    }

    /** What to create, in file order, or the errors that stop the import. */
    record Plan(List<UnitLine> units, List<OfficialDraft> officials, List<LineError> errors) {

        static Plan failed(List<LineError> errors) {
            return new Plan(List.of(), List.of(), errors);
        }
    }

    /** A data line: its number in the file and its values by column name. */
    private record Line(long number, Map<String, String> values) {

        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    // ---------------------------------------------------------------- units

    Plan planUnits(Actor actor, InputStream csv) {
        List<LineError> errors = new ArrayList<>();
        List<Line> lines = read(csv, UNIT_COLUMNS, UNIT_REQUIRED, errors);
        if (lines == null) {
            return Plan.failed(errors);
        }
        Map<String, Long> codesInFile = new HashMap<>();
        Map<String, Long> allCodesInFile = new HashMap<>();
        for (Line line : lines) {
            String code = line.get("code");
            if (code != null) {
                allCodesInFile.putIfAbsent(code.toUpperCase(Locale.ROOT), line.number());
            }
        }
        List<UnitLine> plan = new ArrayList<>();
        for (Line line : lines) {
            List<String> problems = new ArrayList<>();
            String code = check(problems, () -> Drafts.code(line.get("code")));
            String name = check(problems, () -> Drafts.name("name", line.get("name"), "Tên đơn vị"));
            UnitLevel level = check(problems, () -> level(line.get("level")));
            String mailDomain = check(problems, () -> Drafts.mailDomain(line.get("mail_domain")));
            String mailLocalPart = check(problems, () -> Drafts.mailLocalPart(line.get("mail_local_part")));
            if (code != null) {
                Long earlier = codesInFile.putIfAbsent(code, line.number());
                if (earlier != null) {
                    problems.add("Mã đơn vị " + code + " trùng với dòng " + earlier + ".");
                }
                else if (units.findByCode(code).isPresent()) {
                    problems.add("Mã đơn vị " + code + " đã có trong danh bạ (tệp chỉ tạo đơn vị mới; "
                            + "hãy sửa đơn vị đó trong trang quản trị).");
                }
            }
            String parentCode = null;
            String rawParent = line.get("parent_code");
            if (rawParent == null) {
                if (!actor.systemAdmin()) {
                    problems.add("Thiếu parent_code: chỉ quản trị hệ thống mới tạo được đơn vị cấp cao nhất.");
                }
            }
            else {
                parentCode = check(problems, () -> Drafts.code(rawParent));
                if (parentCode != null) {
                    checkParent(actor, parentCode, code, line, codesInFile, allCodesInFile, problems);
                }
            }
            report(line, problems, errors);
            if (problems.isEmpty()) {
                plan.add(new UnitLine(line.number(),
                        new UnitDraftFields(code, name, level, mailDomain, mailLocalPart), parentCode));
            }
        }
        return errors.isEmpty() ? new Plan(plan, List.of(), List.of()) : Plan.failed(byLine(errors));
    }

    private void checkParent(Actor actor, String parentCode, String code, Line line, Map<String, Long> codesInFile,
                             Map<String, Long> allCodesInFile, List<String> problems) {
        if (parentCode.equals(code)) {
            problems.add("Đơn vị không thể là cấp trên của chính nó.");
            return;
        }
        Long parentLine = codesInFile.get(parentCode);
        if (parentLine != null && parentLine < line.number()) {
            // Defined earlier in this file: its own line was checked against the actor's scope.
            return;
        }
        Optional<UnitRow> parent = units.findByCode(parentCode);
        if (parent.isEmpty()) {
            Long later = allCodesInFile.get(parentCode);
            problems.add(later != null
                    ? "Đơn vị cấp trên " + parentCode + " ở dòng " + later + ": hãy đặt dòng đó lên trước."
                    : "Không tìm thấy đơn vị cấp trên có mã " + parentCode + ".");
        }
        else if (!actor.canAdminister(parent.get())) {
            problems.add("Bạn không có quyền quản trị đơn vị cấp trên " + parentCode + ".");
        }
        else if (!parent.get().active()) {
            problems.add("Đơn vị cấp trên " + parentCode + " đã ngừng hoạt động.");
        }
    }

    /** A level in English or Vietnamese, with or without tone marks: "DISTRICT", "huyện", "Phòng ban". */
    static UnitLevel level(String raw) {
        if (raw == null) {
            throw new DirectoryValidationException("level", "Nhập cấp đơn vị (tinh, huyen, xa hoặc phong-ban).");
        }
        UnitLevel level = LEVELS.get(VietnameseText.fold(raw).replaceAll("[-_/ ]+", " "));
        if (level == null) {
            throw new DirectoryValidationException("level", "Cấp đơn vị “" + raw
                    + "” không hợp lệ: dùng tinh, huyen, xa, phong-ban (hoặc PROVINCE, DISTRICT, COMMUNE, DEPARTMENT).");
        }
        return level;
    }

    private static Map<String, UnitLevel> levels() {
        Map<String, UnitLevel> levels = new HashMap<>();
        for (UnitLevel level : UnitLevel.values()) {
            levels.put(level.name().toLowerCase(Locale.ROOT), level);
        }
        for (String name : List.of("tinh", "cap tinh", "thanh pho truc thuoc trung uong")) {
            levels.put(name, UnitLevel.PROVINCE);
        }
        for (String name : List.of("huyen", "cap huyen", "quan", "thi xa", "thanh pho thuoc tinh")) {
            levels.put(name, UnitLevel.DISTRICT);
        }
        for (String name : List.of("xa", "cap xa", "phuong", "thi tran")) {
            levels.put(name, UnitLevel.COMMUNE);
        }
        for (String name : List.of("phong ban", "phong", "ban", "so", "van phong", "co quan")) {
            levels.put(name, UnitLevel.DEPARTMENT);
        }
        return Map.copyOf(levels);
    }

    // ---------------------------------------------------------------- officials

    Plan planOfficials(Actor actor, InputStream csv) {
        List<LineError> errors = new ArrayList<>();
        List<Line> lines = read(csv, OFFICIAL_COLUMNS, OFFICIAL_REQUIRED, errors);
        if (lines == null) {
            return Plan.failed(errors);
        }
        Map<String, Long> usernames = new HashMap<>();
        Map<String, Long> emails = new HashMap<>();
        Map<String, Optional<UnitRow>> unitsByCode = new HashMap<>();
        Map<Long, Optional<String>> domainsByUnit = new HashMap<>();
        List<OfficialDraft> plan = new ArrayList<>();
        for (Line line : lines) {
            List<String> problems = new ArrayList<>();
            String username = check(problems, () -> Drafts.username(line.get("username")));
            String fullName = check(problems, () -> Drafts.name("fullName", line.get("full_name"), "Họ và tên"));
            String title = check(problems, () -> Drafts.optionalText("title", line.get("title"), "Chức vụ"));
            String phone = check(problems, () -> Drafts.phone(line.get("phone")));
            String email = check(problems, () -> Drafts.email(line.get("email")));
            Set<Role> roles = check(problems, () -> roles(line.get("roles")));
            if (roles != null && roles.contains(Role.SYSTEM_ADMIN) && !actor.systemAdmin()) {
                problems.add("Chỉ quản trị hệ thống mới cấp được quyền quản trị hệ thống.");
            }
            if (username != null) {
                Long earlier = usernames.putIfAbsent(username, line.number());
                if (earlier != null) {
                    problems.add("Tên đăng nhập " + username + " trùng với dòng " + earlier + ".");
                }
                else if (officials.existsByUsername(username)) {
                    problems.add("Tên đăng nhập " + username + " đã có trong danh bạ (tệp chỉ tạo tài khoản mới).");
                }
            }
            UnitRow unit = null;
            String unitCode = check(problems, () -> Drafts.code(line.get("unit_code")));
            if (unitCode != null) {
                Optional<UnitRow> found = unitsByCode.computeIfAbsent(unitCode, units::findByCode);
                if (found.isEmpty()) {
                    problems.add("Không tìm thấy đơn vị có mã " + unitCode + ".");
                }
                else if (!actor.canAdminister(found.get())) {
                    problems.add("Bạn không có quyền quản trị đơn vị " + unitCode + ".");
                }
                else if (!found.get().active()) {
                    problems.add("Đơn vị " + unitCode + " đã ngừng hoạt động.");
                }
                else {
                    unit = found.get();
                }
            }
            if (email == null && unit != null && username != null) {
                Optional<String> domain = domainsByUnit.computeIfAbsent(unit.id(), id -> units.nearestMailDomain(
                        unitsByCode.get(unitCode).orElseThrow()));
                if (domain.isEmpty()) {
                    problems.add("Đơn vị " + unitCode + " chưa có tên miền thư: hãy điền cột email.");
                }
                else {
                    email = check(problems, () -> Drafts.email(username + "@" + domain.get()));
                }
            }
            if (email != null) {
                Long earlier = emails.putIfAbsent(email, line.number());
                if (earlier != null) {
                    problems.add("Địa chỉ thư " + email + " trùng với dòng " + earlier + ".");
                }
                else if (officials.existsByEmail(email, 0)) {
                    problems.add("Địa chỉ thư " + email + " đã được dùng.");
                }
            }
            report(line, problems, errors);
            if (problems.isEmpty()) {
                plan.add(new OfficialDraft(username, fullName, title, unit.id(), email, phone, roles,
                        roles.contains(Role.UNIT_ADMIN) ? unit.id() : null));
            }
        }
        return errors.isEmpty() ? new Plan(List.of(), plan, List.of()) : Plan.failed(byLine(errors));
    }

    /** Roles separated by ';' (or ','), as realm roles ({@code unit-admin}) or names ({@code UNIT_ADMIN}). */
    static Set<Role> roles(String raw) {
        Set<Role> roles = EnumSet.of(Role.OFFICIAL);
        if (raw == null) {
            return roles;
        }
        for (String part : raw.split("[;,]")) {
            String name = part.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (name.isEmpty()) {
                continue;
            }
            Role role = Role.fromRealmRole(name);
            if (role == null) {
                throw new DirectoryValidationException("roles", "Vai trò “" + part.strip()
                        + "” không hợp lệ: dùng official, unit-admin, system-admin, ngăn cách bằng “;”.");
            }
            roles.add(role);
        }
        return roles;
    }

    // ---------------------------------------------------------------- reading the file

    private static List<LineError> byLine(List<LineError> errors) {
        return errors.stream().sorted(java.util.Comparator.comparingLong(LineError::line)).toList();
    }

    /**
     * The well-formed data lines, with a line of the wrong width added to {@code errors}; {@code null} when the
     * file as a whole is refused (size, encoding, header, CSV syntax), with the reason in {@code errors}.
     */
    private List<Line> read(InputStream csv, List<String> columns, List<String> required, List<LineError> errors) {
        long maxBytes = settings.maxSize().toBytes();
        byte[] bytes;
        try {
            bytes = csv.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        catch (IOException e) {
            errors.add(new LineError(0, "Không đọc được tệp: " + e.getMessage()));
            return null;
        }
        if (bytes.length > maxBytes) {
            errors.add(new LineError(0, "Tệp quá lớn: tối đa " + humanSize(maxBytes) + "."));
            return null;
        }
        String text = decode(bytes, errors);
        if (text == null) {
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (text.isBlank()) {
            errors.add(new LineError(0, "Tệp trống. Dòng đầu tiên phải là tiêu đề: " + String.join(",", columns)));
            return null;
        }
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).get();
        List<Line> lines = new ArrayList<>();
        List<String> header = null;
        long lastLine = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                long number = lineOf(lineStarts, record.getCharacterPosition());
                lastLine = number;
                if (header == null) {
                    header = header(record, columns, required, errors);
                    if (header == null) {
                        return null;
                    }
                    continue;
                }
                if (lines.size() >= settings.maxRows()) {
                    errors.add(new LineError(0, "Tệp có quá nhiều dòng: tối đa " + settings.maxRows()
                            + " dòng dữ liệu mỗi lần nhập."));
                    return null;
                }
                if (record.size() != header.size()) {
                    errors.add(new LineError(number, "Dòng có " + record.size() + " cột, tiêu đề có "
                            + header.size() + " cột."));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                lines.add(new Line(number, values));
            }
        }
        catch (UncheckedIOException | IOException | IllegalStateException e) {
            long line = lastLine + 1;
            errors.add(new LineError(line, "Lỗi định dạng CSV từ dòng " + line
                    + " (thường do dấu ngoặc kép \" không đóng)."));
            return null;
        }
        if (header == null) {
            errors.add(new LineError(0, "Tệp trống. Dòng đầu tiên phải là tiêu đề: " + String.join(",", columns)));
            return null;
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(0, "Tệp không có dòng dữ liệu nào sau dòng tiêu đề."));
            return null;
        }
        return lines;
    }

    /** Strict UTF-8: the first byte sequence that is not UTF-8 stops the import, with its line. */
    private static String decode(byte[] bytes, List<LineError> errors) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            errors.add(new LineError(1, "Tệp được lưu theo bảng mã UTF-16, không phải UTF-8. "
                    + "Hãy lưu lại tệp với bảng mã UTF-8 (trong Excel: “CSV UTF-8”)."));
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            errors.add(new LineError(line, "Tệp không phải UTF-8 (gặp ký tự sai bảng mã ở dòng " + line
                    + "; có thể tệp được lưu theo Windows-1258 hoặc TCVN3). "
                    + "Hãy lưu lại tệp với bảng mã UTF-8 (trong Excel: “CSV UTF-8”)."));
            return null;
        }
        out.flip();
        return out.toString();
    }

    /** Excel writes ';' under Vietnamese regional settings (',' is the decimal mark there). */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    }

    private static List<String> header(CSVRecord record, List<String> columns, List<String> required,
                                       List<LineError> errors) {
        List<String> header = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String value : record) {
            String column = value.strip().toLowerCase(Locale.ROOT);
            if (!columns.contains(column)) {
                problems.add("cột “" + value.strip() + "” không hợp lệ");
            }
            else if (header.contains(column)) {
                problems.add("cột “" + column + "” lặp lại");
            }
            header.add(column);
        }
        List<String> missing = required.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            problems.add("thiếu cột " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            errors.add(new LineError(1, "Dòng tiêu đề không hợp lệ (" + String.join("; ", problems)
                    + "). Dòng đầu tiên phải là: " + String.join(",", columns) + "."));
            return null;
        }
        return header;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long lineOf(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static String humanSize(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " byte";
    }

    private interface Check<T> {
        T get();
    }

    /** Runs one check; a refusal becomes a problem of the line and the value {@code null}. */
    private static <T> T check(List<String> problems, Check<T> check) {
        try {
            return check.get();
        }
        catch (DirectoryValidationException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static void report(Line line, List<String> problems, List<LineError> errors) {
        for (String problem : problems) {
            errors.add(new LineError(line.number(), problem));
        }
    }
}
