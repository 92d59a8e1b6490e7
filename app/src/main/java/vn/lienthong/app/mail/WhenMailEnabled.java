package vn.lienthong.app.mail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Only with mail ({@code lienthong.mail.enabled}, on unless turned off): without it there is no {@code Mailboxes}
 * bean, and the webmail's pages and API are left out with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(prefix = "lienthong.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
@interface WhenMailEnabled {
}
