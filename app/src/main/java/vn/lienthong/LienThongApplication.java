package vn.lienthong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Liên Thông: mail, meetings, chat, directory and archive for province, district and commune governments.
 * Each direct sub-package is a module ({@code directory}, {@code archive}, {@code mail}, {@code chat},
 * {@code meetings}); {@code app} holds only the wiring and the web shell.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LienThongApplication {

    public static void main(String[] args) {
        SpringApplication.run(LienThongApplication.class, args);
    }
}
