package vn.lienthong.mail.internal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Provisioning of James from the directory ({@code lienthong.mail.provisioning.*}).
 *
 * @param enabled            false: James is left alone (accounts are managed by hand or by another system)
 * @param resyncOnStart      run a full re-sync once the app is ready (and James healthy)
 * @param defaultQuota       the mailbox size every new account gets
 * @param defaultQuotaMessages the number of messages every new account may hold; 0 means no limit
 * @param retryDelay         after a failed change or re-sync, when to try a full re-sync again
 */
@Validated
@ConfigurationProperties("lienthong.mail.provisioning")
record MailProvisioningSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean resyncOnStart,
        @NotNull(message = "lienthong.mail.provisioning.default-quota không được để trống (must not be empty)")
        @DefaultValue("2GB") DataSize defaultQuota,
        @DefaultValue("0") long defaultQuotaMessages,
        @NotNull @DefaultValue("60s") Duration retryDelay) {
}
