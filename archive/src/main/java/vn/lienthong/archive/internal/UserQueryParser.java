package vn.lienthong.archive.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.internal.ParsedQuery.Filter;
import vn.lienthong.archive.internal.ParsedQuery.Operator;

/**
 * Reads the query language of the search box:
 * <pre>
 *   quyết định "quản lý văn bản" -dự thảo from:an.nguyen to:"Trần Thị Bình" in:mail unit:BL-VL
 *   after:01/10/2026 before:01/11/2026 has:attachment
 * </pre>
 * Words are ANDed; {@code -} excludes a word, a phrase or a filter; operator names are case-insensitive and a
 * value may be quoted. A word with a colon that is not an operator ({@code 8:30}) stays a word. Typographic
 * quotes (“ ”) count as quotes. Anything malformed throws {@link QuerySyntaxException} with a Vietnamese message.
 */
final class UserQueryParser {

    static final int MAX_LENGTH = 1000;
    static final int MAX_CLAUSES = 64;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Source names accepted by {@code in:}, with Vietnamese aliases, mapped to the canonical source. */
    private final Map<String, String> sources;

    UserQueryParser(Map<String, String> sources) {
        this.sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** The suite's sources and their Vietnamese names (without marks, as typed in a search box). */
    static Map<String, String> defaultSources() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("mail", "mail");
        names.put("thu", "mail");
        names.put("chat", "chat");
        names.put("trochuyen", "chat");
        names.put("meeting", "meeting");
        names.put("hop", "meeting");
        names.put("lichhop", "meeting");
        names.put("directory", "directory");
        names.put("danhba", "directory");
        return names;
    }

    ParsedQuery parse(String query) {
        if (query.length() > MAX_LENGTH) {
            throw new QuerySyntaxException("Câu tìm kiếm quá dài (tối đa " + MAX_LENGTH + " ký tự).", MAX_LENGTH);
        }
        return new Scanner(Normalizer.normalize(query, Normalizer.Form.NFC)).parse();
    }

    private final class Scanner {

        private final String text;
        private int pos;
        private final List<String> words = new ArrayList<>();
        private final List<String> phrases = new ArrayList<>();
        private final List<String> excluded = new ArrayList<>();
        private final List<Filter> filters = new ArrayList<>();
        private LocalDate after;
        private LocalDate before;
        private int clauses;

        Scanner(String text) {
            this.text = text;
        }

        ParsedQuery parse() {
            while (skipSpace()) {
                int start = pos;
                if (++clauses > MAX_CLAUSES) {
                    throw new QuerySyntaxException("Câu tìm kiếm có quá nhiều từ (tối đa " + MAX_CLAUSES + ").", start);
                }
                boolean negated = false;
                if (text.charAt(pos) == '-' && pos + 1 < text.length() && !isSpace(text.charAt(pos + 1))) {
                    negated = true;
                    pos++;
                }
                if (isQuote(text.charAt(pos))) {
                    String phrase = quoted();
                    if (!phrase.isBlank()) {
                        (negated ? excluded : phrases).add(phrase);
                    }
                    continue;
                }
                String token = bare();
                int colon = token.indexOf(':');
                Operator operator = colon > 0 ? operator(token.substring(0, colon)) : null;
                if (operator == null && colon > 0 && isDateOperator(token.substring(0, colon))) {
                    date(token.substring(0, colon).toLowerCase(Locale.ROOT), token.substring(colon + 1), negated, start);
                } else if (operator != null) {
                    String value = token.substring(colon + 1);
                    if (value.isEmpty() && pos < text.length() && isQuote(text.charAt(pos))) {
                        value = quoted();
                    }
                    filter(operator, token.substring(0, colon), value.trim(), negated, start);
                } else if (!token.isEmpty()) {
                    (negated ? excluded : words).add(token);
                }
            }
            return new ParsedQuery(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded),
                    List.copyOf(filters), after, before);
        }

        private void filter(Operator operator, String name, String value, boolean negated, int start) {
            if (value.isEmpty()) {
                throw new QuerySyntaxException("Thiếu giá trị sau \"" + name + ":\" (ví dụ " + example(operator)
                        + ").", start);
            }
            switch (operator) {
                case IN -> {
                    String source = sources.get(value.toLowerCase(Locale.ROOT));
                    if (source == null) {
                        throw new QuerySyntaxException("Không có nguồn \"" + value + "\" cho in:. Chọn một trong: "
                                + String.join(", ", sources.values().stream().distinct().toList()) + ".", start);
                    }
                    filters.add(new Filter(operator, source, negated));
                }
                case HAS -> {
                    String lower = stripMarks(value.toLowerCase(Locale.ROOT)).replace("-", "");
                    if (!lower.equals("attachment") && !lower.equals("dinhkem") && !lower.equals("tep")) {
                        throw new QuerySyntaxException("Không hiểu \"has:" + value
                                + "\". Chỉ có has:attachment (tìm mục có tệp đính kèm).", start);
                    }
                    filters.add(new Filter(operator, DocumentMapper.HAS_ATTACHMENT, negated));
                }
                default -> filters.add(new Filter(operator, value, negated));
            }
        }

        private void date(String name, String value, boolean negated, int start) {
            if (negated) {
                throw new QuerySyntaxException("Không dùng dấu \"-\" trước " + name + ":.", start);
            }
            if (value.isEmpty()) {
                throw new QuerySyntaxException("Thiếu ngày sau \"" + name + ":\" (dạng dd/MM/yyyy, ví dụ "
                        + name + ":01/11/2026).", start);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(value, DATE);
            } catch (DateTimeParseException e) {
                throw new QuerySyntaxException("Ngày \"" + value + "\" sau " + name
                        + ": không hợp lệ. Dùng dạng dd/MM/yyyy, ví dụ " + name + ":01/11/2026.", start);
            }
            if (name.equals("after")) {
                after = day;
            } else {
                before = day;
            }
            if (after != null && before != null && !after.isBefore(before)) {
                throw new QuerySyntaxException("Khoảng ngày rỗng: after:" + DATE.format(after)
                        + " phải trước before:" + DATE.format(before) + ".", start);
            }
        }

        /** Reads a quoted string starting at the opening quote; the quotes are not part of the result. */
        private String quoted() {
            int open = pos++;
            int close = pos;
            while (close < text.length() && !isQuote(text.charAt(close))) {
                close++;
            }
            if (close >= text.length()) {
                throw new QuerySyntaxException("Thiếu dấu ngoặc kép đóng cho cụm từ bắt đầu ở ký tự " + (open + 1)
                        + ": " + text.substring(open) + ". Hãy thêm dấu \" ở cuối cụm từ.", open);
            }
            pos = close + 1;
            return text.substring(open + 1, close).trim();
        }

        /** Reads up to the next space or quote. */
        private String bare() {
            int start = pos;
            while (pos < text.length() && !isSpace(text.charAt(pos)) && !isQuote(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private boolean skipSpace() {
            while (pos < text.length() && isSpace(text.charAt(pos))) {
                pos++;
            }
            return pos < text.length();
        }
    }

    private static Operator operator(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "from" -> Operator.FROM;
            case "to" -> Operator.TO;
            case "in" -> Operator.IN;
            case "unit" -> Operator.UNIT;
            case "has" -> Operator.HAS;
            default -> null;
        };
    }

    private static boolean isDateOperator(String name) {
        return name.equalsIgnoreCase("after") || name.equalsIgnoreCase("before");
    }

    private static String example(Operator operator) {
        return switch (operator) {
            case FROM -> "from:an.nguyen";
            case TO -> "to:binh.tran";
            case IN -> "in:mail";
            case UNIT -> "unit:BL-VL";
            case HAS -> "has:attachment";
        };
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
    }

    private static String stripMarks(String value) {
        return Normalizer.normalize(value.replace('đ', 'd'), Normalizer.Form.NFD).chars()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    }
}
