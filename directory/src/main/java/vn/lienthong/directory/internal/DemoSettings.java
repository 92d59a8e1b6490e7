package vn.lienthong.directory.internal;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data (profile {@code demo}): the province of Bạc Liêu with its districts, communes, offices and a few
 * officials, created at start-up when the directory is empty.
 *
 * @param enabled  whether to create the demo data
 * @param password the password of every demo user; required when {@code enabled}. There is no default here: the
 *                 demo profile takes it from {@code LIENTHONG_DEMO_PASSWORD}.
 */
@Validated
@ConfigurationProperties("lienthong.demo")
record DemoSettings(boolean enabled, String password) {

    @AssertTrue(message = "lienthong.demo.enabled is true but lienthong.demo.password is blank: "
            + "set LIENTHONG_DEMO_PASSWORD (or lienthong.demo.password), or turn the demo data off")
    boolean isPasswordSetWhenEnabled() {
        return !enabled || (password != null && !password.isBlank());
    }
}
