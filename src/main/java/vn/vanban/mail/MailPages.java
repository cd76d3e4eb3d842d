package vn.vanban.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vanban.auth.AuditLog;
import vn.vanban.auth.Csrf;
import vn.vanban.auth.Role;

/**
 * The page "Thư đến, nhắc hạn" (editors): the units' e-mail addresses and their digest as it would go out today, sending
 * today's digests now, the mailboxes read and the messages taken, each attachment with what became of it.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured(Role.EDITOR_NAME)
public class MailPages {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final MailIntake intake;
    private final UnitContacts contacts;
    private final Reminders reminders;
    private final AuditLog audit;
    private final Csrf csrf;

    public MailPages(MailIntake intake, UnitContacts contacts, Reminders reminders, AuditLog audit, Csrf csrf) {
        this.intake = intake;
        this.contacts = contacts;
        this.reminders = reminders;
        this.audit = audit;
        this.csrf = csrf;
    }

    @Get("/nhac-han")
    public ModelAndView<Map<String, Object>> page(@Nullable @QueryValue("xem") String preview) {
        return page(preview, null, null, null, List.of(), List.of());
    }

    /** Sets (or, with no address, removes) a unit's addresses. */
    @Post(value = "/nhac-han/don-vi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public ModelAndView<Map<String, Object>> setContact(Authentication who, HttpRequest<?> request, @Body Map<String, String> form) {
        csrf.require(request, form.get("csrfToken"));
        String unit = form.getOrDefault("unit", "");
        String emails = form.getOrDefault("emails", "");
        try {
            String before = contacts.find(unit.isBlank() ? " " : unit).map(c -> String.join(", ", c.emails())).orElse(null);
            var after = contacts.set(unit, emails);
            audit.record(who, request, "contact.set", "unit " + unit.strip(), before,
                    after.map(c -> String.join(", ", c.emails())).orElse(null));
            return page(null, null, after.isPresent() ? "Đã lưu địa chỉ của " + after.get().unit() + "."
                    : "Đã bỏ địa chỉ của " + unit.strip() + ".", null, List.of(), List.of());
        } catch (IllegalArgumentException e) {
            // what was typed stays in the form
            return page(null, e.getMessage(), null, Map.of("unit", unit, "emails", emails), List.of(), List.of());
        }
    }

    /** Sends today's digests now. */
    @Post(value = "/nhac-han/gui", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public ModelAndView<Map<String, Object>> send(HttpRequest<?> request, @Body Map<String, String> form) {
        csrf.require(request, form.get("csrfToken"));
        if (!reminders.enabled()) {
            return page(null, "Chưa đặt máy chủ gửi thư (biến môi trường VANBAN_MAIL_SMTP_HOST).", null, null, List.of(), List.of());
        }
        List<Reminders.Sent> sent = reminders.send(Reminders.today());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Reminders.Sent s : sent) {
            rows.add(Map.of("unit", s.unit(), "to", String.join(", ", s.to()), "status", switch (s.status()) {
                case Reminders.Sent.SENT -> "đã gửi (" + s.upcoming() + " sắp đến, " + s.overdue() + " quá hạn)";
                case Reminders.Sent.ALREADY -> "đã gửi trước đó trong ngày";
                case Reminders.Sent.NOTHING -> "không có thời hạn cần nhắc";
                default -> "gửi không được: " + s.error();
            }));
        }
        return page(null, null, "Đã xử lý " + sent.size() + " đơn vị.", null, rows, List.of());
    }

    /** Reads the mailboxes now. */
    @Post(value = "/nhac-han/doc-thu", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public ModelAndView<Map<String, Object>> poll(HttpRequest<?> request, @Body Map<String, String> form) {
        csrf.require(request, form.get("csrfToken"));
        if (intake.mailboxes().isEmpty()) {
            return page(null, "Chưa đặt hộp thư nào (vanban.mail.mailboxes.TÊN.host …).", null, null, List.of(), List.of());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MailIntake.Poll p : intake.pollAll()) {
            rows.add(Map.of("mailbox", p.mailbox(), "result", p.error() != null
                    ? "lỗi: " + p.error() + " (đã nhận " + p.ingested() + " tệp; phần còn lại nhận ở lần đọc sau)"
                    : p.taken() + " thư mới, " + p.ingested() + " tệp đã nhận, " + p.failed() + " tệp lỗi"));
        }
        return page(null, null, "Đã đọc các hộp thư.", null, List.of(), rows);
    }

    private ModelAndView<Map<String, Object>> page(@Nullable String preview, @Nullable String error, @Nullable String message,
                                                   @Nullable Map<String, String> typed, List<Map<String, Object>> sent,
                                                   List<Map<String, Object>> polled) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("message", message);
        m.put("typed", typed == null ? Map.of("unit", "", "emails", "") : typed);
        m.put("smtp", reminders.enabled());
        m.put("days", reminders.days());
        m.put("contacts", contacts.all().stream().map(c -> Map.of("unit", c.unit(), "emails", String.join(", ", c.emails()))).toList());
        if (preview != null && !preview.isBlank()) {
            Reminders.Digest d = reminders.digest(preview.strip(), Reminders.today());
            m.put("preview", Map.of("unit", preview.strip(), "subject", d.subject(), "body", d.body(),
                    "empty", d.upcoming() + d.overdue() == 0));
        }
        m.put("sent", sent);
        m.put("polled", polled);
        m.put("mailboxes", intake.mailboxes().stream().map(Mailbox::toString).toList());
        List<Map<String, Object>> messages = new ArrayList<>();
        for (MailIntake.MailMessage msg : intake.recent(50)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("mailbox", msg.mailbox());
            r.put("sender", msg.sender() == null ? "" : msg.sender());
            r.put("subject", msg.subject() == null ? "(không có tiêu đề)" : msg.subject());
            r.put("sent", msg.sentAt() == null ? "" : AT.format(msg.sentAt()));
            r.put("state", msg.doneAt() == null ? "đang nhận" : "đã nhận " + AT.format(msg.doneAt()));
            r.put("attachments", msg.attachments().stream().map(a -> Map.of(
                    "name", a.fileName(),
                    "url", a.documentId() == null ? "" : "/van-ban/" + a.documentId(),
                    "status", switch (a.status()) {
                        case "ADDED" -> "đã thêm";
                        case "UNCHANGED" -> "đã có trong kho";
                        case "NEW_VERSION" -> "phiên bản mới";
                        default -> "lỗi" + (a.reason() == null ? "" : ": " + a.reason());
                    })).toList());
            messages.add(r);
        }
        m.put("messages", messages);
        return new ModelAndView<>("mail", m);
    }
}
