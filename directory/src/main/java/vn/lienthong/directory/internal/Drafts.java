package vn.lienthong.directory.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.lienthong.directory.DirectoryValidationException;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;

/**
 * Checks and normalises what administrators type. Each method returns the stored form or throws a
 * {@link DirectoryValidationException} naming the field (as in {@link UnitDraft} and
 * {@link vn.lienthong.directory.OfficialDraft}) with a Vietnamese message.
 */
final class Drafts {

    static final int MAX_CODE = 64;
    static final int MAX_NAME = 255;
    static final int MAX_USERNAME = 64;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 32;
    static final int MIN_PASSWORD = 8;
    /** BCrypt reads at most 72 bytes of a password; longer ones would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9]+([._+-][a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{2,31}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private Drafts() {
    }

    /** A unit draft's fields in stored form (the parent is checked by the caller). */
    record UnitFields(String code, String name, UnitLevel level, String mailDomain, String mailLocalPart) {

        String searchFolded() {
            return VietnameseText.searchText(java.util.List.of(name), java.util.List.of(code));
        }
    }

    static UnitFields unit(UnitDraft draft) {
        if (draft == null) {
            throw new DirectoryValidationException("name", "Thiếu thông tin đơn vị.");
        }
        if (draft.level() == null) {
            throw new DirectoryValidationException("level", "Chọn cấp của đơn vị.");
        }
        return new UnitFields(code(draft.code()), name("name", draft.name(), "Tên đơn vị"), draft.level(),
                mailDomain(draft.mailDomain()), mailLocalPart(draft.mailLocalPart()));
    }

    /** Upper case; letters without tone marks, digits and '-': "bl-vl" → "BL-VL". */
    static String code(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new DirectoryValidationException("code", "Nhập mã đơn vị.");
        }
        if (code.length() > MAX_CODE) {
            throw new DirectoryValidationException("code", "Mã đơn vị dài tối đa " + MAX_CODE + " ký tự.");
        }
        if (!CODE.matcher(code).matches()) {
            throw new DirectoryValidationException("code", "Mã đơn vị “" + code
                    + "” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và dấu “-” (ví dụ BL-VL).");
        }
        return code;
    }

    /** A required name (NFC, whitespace collapsed); {@code what} is the label used in messages. */
    static String name(String field, String raw, String what) {
        String name = VietnameseText.clean(raw);
        if (name == null) {
            throw new DirectoryValidationException(field, "Nhập " + what.toLowerCase(Locale.ROOT) + ".");
        }
        return checkedText(field, name, what);
    }

    /** An optional text such as a title: NFC, whitespace collapsed, {@code null} when blank. */
    static String optionalText(String field, String raw, String what) {
        String text = VietnameseText.clean(raw);
        return text == null ? null : checkedText(field, text, what);
    }

    private static String checkedText(String field, String text, String what) {
        if (text.length() > MAX_NAME) {
            throw new DirectoryValidationException(field, what + " dài tối đa " + MAX_NAME + " ký tự.");
        }
        if (CONTROL.matcher(text).find()) {
            throw new DirectoryValidationException(field, what + " chứa ký tự điều khiển không hợp lệ.");
        }
        return text;
    }

    static String mailDomain(String raw) {
        String domain = blankToNull(raw);
        if (domain == null) {
            return null;
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
            throw new DirectoryValidationException("mailDomain",
                    "Tên miền thư “" + domain + "” không hợp lệ (ví dụ vinhloi.baclieu.gov.vn).");
        }
        return domain;
    }

    static String mailLocalPart(String raw) {
        String local = blankToNull(raw);
        if (local == null) {
            return null;
        }
        local = local.toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            throw new DirectoryValidationException("mailLocalPart", "Tên hộp thư “" + local
                    + "” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và dấu “.”, “-”, “_” (ví dụ vanphong).");
        }
        return local;
    }

    /** Lower case, e.g. {@code an.nguyen}. */
    static String username(String raw) {
        String username = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (username.isEmpty()) {
            throw new DirectoryValidationException("username", "Nhập tên đăng nhập.");
        }
        if (username.length() < 2 || username.length() > MAX_USERNAME || !USERNAME.matcher(username).matches()) {
            throw new DirectoryValidationException("username", "Tên đăng nhập “" + username
                    + "” không hợp lệ: 2 đến " + MAX_USERNAME
                    + " ký tự, chữ cái không dấu, chữ số, có thể ngăn bằng “.”, “-”, “_” (ví dụ an.nguyen).");
        }
        return username;
    }

    /** Lower case address, or {@code null} when blank (the caller then derives one). */
    static String email(String raw) {
        String email = blankToNull(raw);
        if (email == null) {
            return null;
        }
        email = email.toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        boolean valid = at > 0 && email.length() <= MAX_EMAIL && at <= 64
                && LOCAL_PART.matcher(email.substring(0, at)).matches()
                && DOMAIN.matcher(email.substring(at + 1)).matches();
        if (!valid) {
            throw new DirectoryValidationException("email",
                    "Địa chỉ thư “" + email + "” không hợp lệ (ví dụ an.nguyen@baclieu.gov.vn).");
        }
        return email;
    }

    static String phone(String raw) {
        String phone = blankToNull(raw);
        if (phone == null) {
            return null;
        }
        phone = VietnameseText.clean(phone);
        if (phone.length() > MAX_PHONE || !PHONE.matcher(phone).matches()) {
            throw new DirectoryValidationException("phone",
                    "Số điện thoại “" + phone + "” không hợp lệ (ví dụ 0291 3822 123 hoặc +84 291 3822 123).");
        }
        return phone;
    }

    static String password(String raw) {
        if (raw == null || raw.length() < MIN_PASSWORD) {
            throw new DirectoryValidationException("password",
                    "Mật khẩu phải có ít nhất " + MIN_PASSWORD + " ký tự.");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new DirectoryValidationException("password",
                    "Mật khẩu quá dài: tối đa " + MAX_PASSWORD_BYTES + " byte (khoảng 72 chữ không dấu).");
        }
        if (raw.isBlank()) {
            throw new DirectoryValidationException("password", "Mật khẩu không được chỉ gồm khoảng trắng.");
        }
        return raw;
    }

    private static String blankToNull(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.strip();
    }
}
