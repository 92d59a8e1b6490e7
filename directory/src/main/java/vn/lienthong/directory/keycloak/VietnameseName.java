package vn.lienthong.directory.keycloak;

/**
 * A Vietnamese full name split for Keycloak's first and last name: the family name (họ) is the first word, the
 * given names (tên đệm và tên) are the rest. "Nguyễn Văn An" → family "Nguyễn", given "Văn An". A one-word name
 * is all given name.
 */
record VietnameseName(String family, String given) {

    static VietnameseName of(String fullName) {
        String name = fullName == null ? "" : fullName.strip().replaceAll("\\s+", " ");
        int space = name.indexOf(' ');
        if (space < 0) {
            return new VietnameseName("", name);
        }
        return new VietnameseName(name.substring(0, space), name.substring(space + 1));
    }
}
