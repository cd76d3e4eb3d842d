package vn.vanban.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import vn.vanban.auth.AuditLog;
import vn.vanban.auth.Role;

/**
 * Mail intake and reminders for API clients (editors): the messages taken and their attachments, reading the
 * mailboxes now, the units' e-mail addresses, a unit's digest as it would be sent, and sending today's digests now.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.EDITOR_NAME)
public class MailController {

    /** A unit's addresses to set; an empty list removes the unit. */
    @Serdeable
    public record ContactBody(String unit, List<String> emails) {
    }

    /** A digest as it would be sent. */
    @Serdeable
    public record DigestView(String unit, LocalDate day, String subject, String body, int upcoming, int overdue) {
    }

    private final MailIntake intake;
    private final UnitContacts contacts;
    private final Reminders reminders;
    private final AuditLog audit;

    public MailController(MailIntake intake, UnitContacts contacts, Reminders reminders, AuditLog audit) {
        this.intake = intake;
        this.contacts = contacts;
        this.reminders = reminders;
        this.audit = audit;
    }

    /** The messages taken from the mailboxes, newest first, with what became of each attachment. */
    @Get("/mail/messages")
    public List<MailIntake.MailMessage> messages(@QueryValue(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1–1000, not " + limit);
        }
        return intake.recent(limit);
    }

    /** Reads every mailbox now (as the schedule does every vanban.mail.poll-seconds). */
    @Post("/mail/poll")
    public List<MailIntake.Poll> poll() {
        if (intake.mailboxes().isEmpty()) {
            throw new IllegalArgumentException("no mailbox is configured (vanban.mail.mailboxes.NAME.host, …)");
        }
        return intake.pollAll();
    }

    /** Every unit with e-mail addresses. */
    @Get("/reminders/contacts")
    public List<UnitContacts.Contact> contacts() {
        return contacts.all();
    }

    /** Sets a unit's addresses (none removes it). */
    @Put("/reminders/contacts")
    public HttpResponse<List<UnitContacts.Contact>> setContact(Authentication who, HttpRequest<?> request, @Body ContactBody body) {
        var before = contacts.find(body.unit() == null ? "" : body.unit()).map(c -> String.join(", ", c.emails())).orElse(null);
        var after = contacts.set(body.unit(), body.emails() == null ? "" : String.join(",", body.emails()));
        audit.record(who, request, "contact.set", "unit " + body.unit().strip(), before,
                after.map(c -> String.join(", ", c.emails())).orElse(null));
        return HttpResponse.ok(contacts.all());
    }

    /** The digest {@code unit} would receive on {@code date} (today by default). */
    @Get("/reminders/digest")
    public DigestView digest(@QueryValue String unit, @QueryValue @Nullable LocalDate date) {
        LocalDate day = date == null ? Reminders.today() : date;
        Reminders.Digest d = reminders.digest(unit, day);
        return new DigestView(unit, day, d.subject(), d.body(), d.upcoming(), d.overdue());
    }

    /** Sends today's digests now to the units that have not had theirs. */
    @Post("/reminders/send")
    public List<Reminders.Sent> send() {
        if (!reminders.enabled()) {
            throw new IllegalArgumentException("no SMTP server is configured (vanban.mail.smtp.host)");
        }
        return reminders.send(Reminders.today());
    }
}
