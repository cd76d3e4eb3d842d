package vn.vanban.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The SMTP server that reminder digests go through ({@code vanban.mail.smtp.*}; {@code VANBAN_MAIL_SMTP_HOST}, …).
 * No host, no digests.
 *
 * @param host     the SMTP server; unset = reminders by e-mail are off
 * @param port     its port (default 587)
 * @param security {@code starttls} (default), {@code ssl} (SMTPS) or {@code none}
 * @param username the account, when the server wants one
 * @param password its password
 * @param from     the sender address of the digests (default vanban@localhost)
 */
@ConfigurationProperties("vanban.mail.smtp")
public record SmtpSettings(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Bindable(defaultValue = "starttls") String security,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "vanban@localhost") String from) {

    public SmtpSettings {
        if (!"starttls".equals(security) && !"ssl".equals(security) && !"none".equals(security)) {
            throw new IllegalArgumentException("vanban.mail.smtp.security must be starttls, ssl or none, not " + security);
        }
    }

    /** Whether digests can be sent. */
    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
