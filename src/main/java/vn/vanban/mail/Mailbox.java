package vn.vanban.mail;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One IMAP mailbox that Vanban reads ({@code vanban.mail.mailboxes.NAME.*}; environment variables
 * {@code VANBAN_MAIL_MAILBOXES_NAME_HOST}, …). Each attachment of each message is ingested as an upload is.
 *
 * @param name     the mailbox's name in Vanban (the key under {@code mailboxes})
 * @param host     the IMAP server
 * @param port     its port (default 993)
 * @param tls      IMAP over TLS (imaps, default true); false for plain IMAP
 * @param username the account
 * @param password its password
 * @param folder   the folder read (default INBOX)
 * @param after    what is done with a message once its attachments are in: {@code read} marks it read (and only
 *                 unread messages are read), {@code move} moves it to {@link #moveTo} (default read)
 * @param moveTo   the folder messages are moved to (default Vanban; created when missing)
 */
@EachProperty("vanban.mail.mailboxes")
public record Mailbox(
        @Parameter String name,
        String host,
        @Bindable(defaultValue = "993") int port,
        @Bindable(defaultValue = "true") boolean tls,
        String username,
        @Nullable String password,
        @Bindable(defaultValue = "INBOX") String folder,
        @Bindable(defaultValue = "read") String after,
        @Bindable(defaultValue = "Vanban") String moveTo) {

    public Mailbox {
        if (!"read".equals(after) && !"move".equals(after)) {
            throw new IllegalArgumentException("vanban.mail.mailboxes." + name + ".after must be read or move, not " + after);
        }
    }

    /** Whether messages are moved away once taken (else marked read). */
    public boolean moves() {
        return "move".equals(after);
    }

    @Override
    public String toString() {
        return name + " (" + username + "@" + host + ":" + port + "/" + folder + ")";
    }
}
