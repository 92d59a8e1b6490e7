package vn.lienthong.app.directory;

import java.util.EnumSet;
import java.util.Set;

import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;

/** The official form's fields, kept as typed when the directory refuses them. */
public class OfficialForm {

    private String username;
    private String fullName;
    private String title;
    private Long unitId;
    private String email;
    private String phone;
    private Set<Role> roles = EnumSet.of(Role.OFFICIAL);
    private Long managedUnitId;

    public static OfficialForm of(Official official) {
        OfficialForm form = new OfficialForm();
        form.username = official.username();
        form.fullName = official.fullName();
        form.title = official.title();
        form.unitId = official.unitId();
        form.email = official.email();
        form.phone = official.phone();
        form.roles = official.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(official.roles());
        form.managedUnitId = official.managedUnitId();
        return form;
    }

    public OfficialDraft toDraft() {
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        // Every official has the official role; the form only asks about the administrator roles.
        chosen.add(Role.OFFICIAL);
        return new OfficialDraft(UnitForm.strip(username), UnitForm.strip(fullName), nullToEmpty(title), unitId,
                UnitForm.blankToNull(email), nullToEmpty(phone), chosen,
                chosen.contains(Role.UNIT_ADMIN) ? managedUnitId : null);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles; }
    public Long getManagedUnitId() { return managedUnitId; }
    public void setManagedUnitId(Long managedUnitId) { this.managedUnitId = managedUnitId; }
}
