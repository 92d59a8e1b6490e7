package vn.lienthong.app.directory;

import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;

/** The unit form's fields, kept as typed when the directory refuses them. */
public class UnitForm {

    private String code;
    private String name;
    private UnitLevel level;
    private Long parentId;
    private String mailDomain;
    private String mailLocalPart;

    public static UnitForm of(Unit unit) {
        UnitForm form = new UnitForm();
        form.code = unit.code();
        form.name = unit.name();
        form.level = unit.level();
        form.parentId = unit.parentId();
        form.mailDomain = unit.mailDomain();
        form.mailLocalPart = unit.mailLocalPart();
        return form;
    }

    public UnitDraft toDraft() {
        return new UnitDraft(strip(code), strip(name), level, parentId, blankToNull(mailDomain),
                blankToNull(mailLocalPart));
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public UnitLevel getLevel() { return level; }
    public void setLevel(UnitLevel level) { this.level = level; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getMailDomain() { return mailDomain; }
    public void setMailDomain(String mailDomain) { this.mailDomain = mailDomain; }
    public String getMailLocalPart() { return mailLocalPart; }
    public void setMailLocalPart(String mailLocalPart) { this.mailLocalPart = mailLocalPart; }
}
