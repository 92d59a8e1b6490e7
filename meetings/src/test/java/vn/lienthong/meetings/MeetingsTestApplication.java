package vn.lienthong.meetings;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The meetings with what they run with in the suite: the real directory (demo data, embedded identity provider and
 * the security filter chains), the real archive, the real chat, and the meetings. Mail is the one stand-in: a
 * {@link CapturedMail} that keeps what {@code SystemMail} is asked to send (the mail module's real James test
 * support lives in its own test sources and is not published for other modules).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"vn.lienthong.directory", "vn.lienthong.archive", "vn.lienthong.chat",
        "vn.lienthong.meetings"})
public class MeetingsTestApplication {
}
