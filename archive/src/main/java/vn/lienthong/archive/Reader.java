package vn.lienthong.archive;

import java.util.Locale;
import java.util.Objects;

/**
 * A principal that may read items: an official (by username), a unit (by code), a role, or everyone signed in.
 * Written as {@code official:an.nguyen}, {@code unit:BL-VL}, {@code role:SYSTEM_ADMIN}, {@code everyone};
 * names compare case-insensitively.
 * <p>
 * An item lists its readers; a search lists the caller's principals (their username, their units, their roles);
 * the caller sees an item when the two share one. The archive adds {@link #everyone()} to every search itself.
 */
public record Reader(Kind kind, String name) {

    /** What the name names. */
    public enum Kind {
        OFFICIAL("official"), UNIT("unit"), ROLE("role"), EVERYONE("everyone");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private static final Reader EVERYONE = new Reader(Kind.EVERYONE, "*");

    public Reader {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EVERYONE) {
            name = "*";
        }
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("reader name must be non-blank without spaces: '" + name + "'");
        }
        name = name.toLowerCase(Locale.ROOT);
    }

    public static Reader official(String username) { return new Reader(Kind.OFFICIAL, username); }
    public static Reader unit(String code) { return new Reader(Kind.UNIT, code); }
    public static Reader role(String role) { return new Reader(Kind.ROLE, role); }
    public static Reader everyone() { return EVERYONE; }

    /** Reads the written form, e.g. {@code unit:BL-VL}; the inverse of {@link #toString()}. */
    public static Reader parse(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase(Kind.EVERYONE.prefix)) {
            return EVERYONE;
        }
        int colon = trimmed.indexOf(':');
        if (colon > 0) {
            String prefix = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
            for (Kind kind : Kind.values()) {
                if (kind != Kind.EVERYONE && kind.prefix.equals(prefix)) {
                    return new Reader(kind, trimmed.substring(colon + 1));
                }
            }
        }
        throw new IllegalArgumentException("not a reader (official:, unit:, role: or everyone): '" + value + "'");
    }

    /** The canonical written form, as stored in the index: {@code official:an.nguyen}. */
    @Override
    public String toString() {
        return kind == Kind.EVERYONE ? kind.prefix : kind.prefix + ":" + name;
    }
}
