/**
 * The application module: the web shell (layout, navigation, language, error pages) and the pages and REST API
 * through which officials read the directory and administrators change it. It uses the other modules only through
 * their public API packages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "App")
package vn.lienthong.app;
