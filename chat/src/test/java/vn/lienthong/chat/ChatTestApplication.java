package vn.lienthong.chat;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The chat on a real server with what it runs with in the suite: the real directory (internals, demo data, the
 * embedded identity provider and the security filter chains), the real archive and the chat itself. Only the app
 * module's pages are missing.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"vn.lienthong.directory", "vn.lienthong.archive", "vn.lienthong.chat"})
class ChatTestApplication {
}
