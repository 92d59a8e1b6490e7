/**
 * Directory: the tree of units (đơn vị) and the officials (cán bộ) in it, their roles, and how they log in.
 *
 * <p>This package is the module's front door. Other modules use {@link vn.lienthong.directory.Directory} to read
 * units and officials, {@link vn.lienthong.directory.DirectoryAdministration} to change them (administrators
 * only), and listen to the past-tense events in this package ({@link vn.lienthong.directory.UnitCreated},
 * {@link vn.lienthong.directory.OfficialCreated}, ...) to follow changes. Everything else
 * ({@code internal}, {@code identity}, {@code keycloak}) is hidden. {@link vn.lienthong.directory.IdentitySync}
 * repairs an outside identity provider (Keycloak) when provisioning is on. {@link vn.lienthong.directory.ClusterTasks}
 * runs periodic work of any module on one app instance at a time (the directory also keeps the browser sessions in
 * the database, so that several instances share them).
 *
 * <p>Events out: UnitCreated, UnitChanged, UnitMoved, UnitDeactivated, UnitMerged, OfficialCreated,
 * OfficialChanged, OfficialMoved, OfficialDeactivated. Events in: none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package vn.lienthong.directory;
