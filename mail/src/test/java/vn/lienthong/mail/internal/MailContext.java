package vn.lienthong.mail.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/** The shared test context: {@link MailTestApplication} on an in-memory H2 with the demo directory. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MailTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:mail;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa",
                "lienthong.demo.enabled=true",
                "lienthong.demo.password=mat-khau-demo",
                "lienthong.mail.provisioning.retry-delay=5s",
                "lienthong.mail.archive.interval=1s",
                "lienthong.archive.directory=${java.io.tmpdir}/lienthong-mail-tests-archive-${random.uuid}" })
@interface MailContext {
}
