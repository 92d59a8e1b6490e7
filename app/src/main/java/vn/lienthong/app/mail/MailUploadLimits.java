package vn.lienthong.app.mail;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import vn.lienthong.mail.MailSettings;

/**
 * Uploads follow the mail size: one file may be as large as a whole message ({@code lienthong.mail.max-message-size})
 * and a request twice that, so that a message slightly over the limit reaches the webmail, which then says exactly how
 * large it is and what the limit is ("Thư quá lớn: 26,3 MB, tối đa 25,0 MB"). Larger uploads are cut off by the
 * servlet container with a shorter refusal. {@code spring.servlet.multipart.*} still applies when it is larger;
 * it stays the limit of the CSV import, which checks it itself.
 */
@Configuration(proxyBeanMethods = false)
@WhenMailEnabled
class MailUploadLimits {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, MailSettings mail) {
        DataSize message = mail.maxMessageSize();
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setFileSizeThreshold(multipart.getFileSizeThreshold());
        factory.setLocation(multipart.getLocation());
        factory.setMaxFileSize(larger(multipart.getMaxFileSize(), message));
        factory.setMaxRequestSize(larger(multipart.getMaxRequestSize(), DataSize.ofBytes(2 * message.toBytes())));
        return factory.createMultipartConfig();
    }

    private static DataSize larger(DataSize configured, DataSize needed) {
        return configured == null || configured.toBytes() < 0 || configured.toBytes() < needed.toBytes() ? needed
                : configured;
    }
}
