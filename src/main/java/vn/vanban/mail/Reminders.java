package vn.vanban.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.deadline.DeadlineQueries;
import vn.vanban.deadline.Recurrences;
import vn.vanban.ingest.DropClaims;

/**
 * The daily digest of deadlines, by e-mail: each unit with addresses ({@link UnitContacts}) receives, once a day from
 * {@code vanban.reminders.hour}, the deadlines that name it due in the next {@code vanban.reminders.days} days and
 * those passed in the last {@code vanban.reminders.overdue-days}, in Vietnamese, with links to the documents. A unit
 * with none of either receives nothing. One message per unit per day, whichever process sends it and however often it
 * restarts: the day's row in {@code reminder_sent} is claimed before sending, and given back if sending fails (so that
 * the next round tries again); a claim left unsent by a process that died is taken over after 15 minutes.
 */
@Singleton
public class Reminders implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What became of one unit's digest on one day. */
    @Serdeable
    public record Sent(String unit, List<String> to, int upcoming, int overdue, String status, @Nullable String error) {
        public static final String SENT = "sent";
        public static final String ALREADY = "already-sent";
        public static final String NOTHING = "nothing-due";
        public static final String FAILED = "failed";
    }

    /** A digest as written: subject and plain text. */
    public record Digest(String subject, String body, int upcoming, int overdue) {
    }

    private final SmtpSettings smtp;
    private final UnitContacts contacts;
    private final DeadlineQueries deadlines;
    private final MailStore store;
    private final TaskScheduler scheduler;
    private final String node;
    private final int days;
    private final int overdueDays;
    private final int hour;
    private final String publicUrl;
    private final ReentrantLock sending = new ReentrantLock();

    public Reminders(SmtpSettings smtp, UnitContacts contacts, DeadlineQueries deadlines, MailStore store,
                     DropClaims claims, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                     @Value("${vanban.reminders.days:7}") int days,
                     @Value("${vanban.reminders.overdue-days:30}") int overdueDays,
                     @Value("${vanban.reminders.hour:7}") int hour,
                     @Value("${vanban.public-url:`http://localhost:8080`}") String publicUrl) {
        if (days < 0 || overdueDays < 0 || hour < 0 || hour > 23) {
            throw new IllegalArgumentException("vanban.reminders: days and overdue-days ≥ 0, hour 0–23");
        }
        this.smtp = smtp;
        this.contacts = contacts;
        this.deadlines = deadlines;
        this.store = store;
        this.scheduler = scheduler;
        this.node = claims.node();
        this.days = days;
        this.overdueDays = overdueDays;
        this.hour = hour;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** How many days ahead a digest looks. */
    public int days() {
        return days;
    }

    /** Whether digests can be sent (an SMTP server is set). */
    public boolean enabled() {
        return smtp.configured();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (smtp.configured()) {
            LOG.info("deadline digests by e-mail through {}:{} from {}:00 each day", smtp.host(), smtp.port(), hour);
            scheduler.scheduleWithFixedDelay(Duration.ofMinutes(1), Duration.ofMinutes(10), this::round);
        }
    }

    private void round() {
        try {
            if (!LocalTime.now(vn.vanban.citation.ValidityService.ZONE).isBefore(LocalTime.of(hour, 0))) {
                send(today());
            }
        } catch (RuntimeException e) {
            LOG.warn("sending the deadline digests failed; tried again in 10 minutes: {}", e.toString());
        }
    }

    /** Today in Việt Nam, whatever the server's time zone: the day of the digests. */
    public static LocalDate today() {
        return LocalDate.now(vn.vanban.citation.ValidityService.ZONE);
    }

    /** Sends the digest of {@code day} to every unit with addresses that has not had it yet. */
    public List<Sent> send(LocalDate day) {
        if (!smtp.configured()) {
            throw new IllegalStateException("Chưa đặt máy chủ gửi thư (vanban.mail.smtp.host, biến môi trường VANBAN_MAIL_SMTP_HOST).");
        }
        sending.lock();
        try {
            List<Sent> out = new ArrayList<>();
            for (UnitContacts.Contact c : contacts.all()) {
                out.add(sendOne(c, day));
            }
            return out;
        } finally {
            sending.unlock();
        }
    }

    private Sent sendOne(UnitContacts.Contact c, LocalDate day) {
        String key = UnitContacts.key(c.unit());
        if (store.digestSentOn(key, day)) { // the usual case after the day's first round: nothing to compute
            return new Sent(c.unit(), c.emails(), 0, 0, Sent.ALREADY, null);
        }
        Digest d = digest(c.unit(), day);
        if (d.upcoming() + d.overdue() == 0) {
            return new Sent(c.unit(), c.emails(), 0, 0, Sent.NOTHING, null);
        }
        boolean mine;
        try {
            mine = store.claimDigest(key, day, node);
        } catch (RuntimeException e) {
            if (!DropClaims.lostToAnother(e)) {
                throw e;
            }
            mine = false; // another process claimed it at the same moment
        }
        if (!mine) {
            return new Sent(c.unit(), c.emails(), d.upcoming(), d.overdue(), Sent.ALREADY, null);
        }
        try {
            deliver(c.emails(), d);
            store.digestSent(key, day, d.upcoming() + d.overdue());
            return new Sent(c.unit(), c.emails(), d.upcoming(), d.overdue(), Sent.SENT, null);
        } catch (MessagingException | RuntimeException e) {
            store.releaseDigest(key, day);
            LOG.warn("the digest to {} ({}) was not sent: {}", c.unit(), c.emails(), e.toString());
            return new Sent(c.unit(), c.emails(), d.upcoming(), d.overdue(), Sent.FAILED, String.valueOf(e.getMessage()));
        }
    }

    /** The digest of {@code unit} on {@code day}. */
    public Digest digest(String unit, LocalDate day) {
        List<DeadlineQueries.Occurrence> upcoming = deadlines.occurrences(day, day.plusDays(days), unit, null, null, day);
        List<DeadlineQueries.Occurrence> overdue = overdueDays == 0 ? List.of()
                : deadlines.occurrences(day.minusDays(overdueDays), day.minusDays(1), unit, null, null, day);
        String subject = "[Vanban] Thời hạn của " + unit + " ngày " + day.format(DAY) + ": " + upcoming.size()
                + " sắp đến, " + overdue.size() + " đã quá hạn";
        StringBuilder b = new StringBuilder();
        b.append("Kính gửi ").append(unit).append(",\n\n");
        if (!upcoming.isEmpty()) {
            b.append("Sắp đến hạn (từ ").append(day.format(DAY)).append(" đến ").append(day.plusDays(days).format(DAY))
                    .append("):\n");
            upcoming.forEach(o -> line(b, o));
            b.append('\n');
        }
        if (!overdue.isEmpty()) {
            b.append("Đã quá hạn (trong ").append(overdueDays).append(" ngày qua):\n");
            overdue.forEach(o -> line(b, o));
            b.append('\n');
        }
        String u = URLEncoder.encode(unit, StandardCharsets.UTF_8);
        b.append("Xem tất cả thời hạn của đơn vị: ").append(publicUrl).append("/thoi-han?unit=").append(u).append('\n');
        b.append("Theo dõi bằng lịch (ICS): ").append(publicUrl).append("/api/calendar.ics?unit=").append(u).append("\n\n");
        b.append("Thư này do Vanban gửi tự động mỗi ngày có thời hạn cần nhắc. Để thôi nhận, nhờ người quản trị bỏ địa chỉ "
                + "của đơn vị trên trang ").append(publicUrl).append("/nhac-han.\n");
        return new Digest(subject, b.toString(), upcoming.size(), overdue.size());
    }

    private void line(StringBuilder b, DeadlineQueries.Occurrence o) {
        b.append("- ").append(o.date().format(DAY)).append(": ").append(o.what().strip());
        if (o.rrule() != null) {
            b.append(" (").append(Recurrences.describe(o.rrule())).append(')');
        }
        b.append("\n  Văn bản: ").append(o.documentNumber() == null && o.documentSubject() == null
                ? "(chưa rõ số)" : vn.vanban.store.DocumentTitle.of(o.documentType(), o.documentNumber(),
                o.documentSubject(), null));
        b.append("\n  ").append(publicUrl).append("/van-ban/").append(o.documentId()).append('\n');
    }

    private void deliver(List<String> to, Digest d) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.connectiontimeout", "20000");
        p.put("mail.smtp.timeout", "60000");
        p.put("mail.smtp.writetimeout", "60000");
        if ("starttls".equals(smtp.security())) {
            p.put("mail.smtp.starttls.enable", "true");
        }
        boolean auth = smtp.username() != null && !smtp.username().isBlank();
        p.put("mail.smtp.auth", String.valueOf(auth));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(smtp.from()));
        for (String a : to) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(a));
        }
        m.setSubject(d.subject(), "UTF-8");
        m.setText(d.body(), "UTF-8");
        m.setSentDate(new java.util.Date());
        String protocol = "ssl".equals(smtp.security()) ? "smtps" : "smtp";
        try (Transport t = session.getTransport(protocol)) {
            t.connect(smtp.host(), smtp.port(), auth ? smtp.username() : null, auth ? smtp.password() : null);
            t.sendMessage(m, m.getAllRecipients());
        }
    }

}
