package vn.vanban.cli;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.mail.Reminders;
import vn.vanban.mail.UnitContacts;

/** The units' addresses and their daily digest of deadlines: set an address, preview a digest, send today's now. */
@Command(name = "remind", description = {"Deadline digests by e-mail: list the units' addresses, set one (--unit U --emails A,B),",
        "preview a unit's digest (--preview U), or send today's digests now (--send)"})
public class RemindCommand implements Callable<Integer> {

    @Option(names = "--unit", paramLabel = "UNIT", description = "the unit whose addresses --emails sets, as deadlines name it")
    String unit;

    @Option(names = "--emails", paramLabel = "A,B", description = "its addresses, separated by commas (\"\" to remove the unit)")
    String emails;

    @Option(names = "--preview", paramLabel = "UNIT", description = "print the digest UNIT would receive on --date")
    String preview;

    @Option(names = "--date", paramLabel = "dd/mm/yyyy", description = "the day of the digest previewed (default today)")
    LocalDate date;

    @Option(names = "--send", description = "send today's digests now to the units that have not had theirs")
    boolean send;

    @Inject
    UnitContacts contacts;

    @Inject
    Reminders reminders;

    @Override
    public Integer call() {
        if ((unit == null) != (emails == null)) {
            System.err.println("lỗi: --unit và --emails đi cùng nhau (ví dụ --unit \"Sở Nội vụ\" --emails vanthu@snv.gov.vn)");
            return 2;
        }
        if (unit != null) {
            var set = contacts.set(unit, emails);
            System.out.println(set.map(c -> "đã lưu " + c.unit() + ": " + String.join(", ", c.emails()))
                    .orElse("đã bỏ địa chỉ của " + unit.strip()));
        }
        if (preview != null) {
            Reminders.Digest d = reminders.digest(preview.strip(), date == null ? Reminders.today() : date);
            if (d.upcoming() + d.overdue() == 0) {
                System.out.println("không có thời hạn nào cần nhắc: " + preview.strip() + " không nhận thư ngày này");
            } else {
                System.out.println("Tiêu đề: " + d.subject());
                System.out.println();
                System.out.print(d.body());
            }
        }
        if (send) {
            if (!reminders.enabled()) {
                System.err.println("lỗi: chưa đặt máy chủ gửi thư (biến môi trường VANBAN_MAIL_SMTP_HOST; xem README)");
                return 2;
            }
            List<Reminders.Sent> sent = reminders.send(Reminders.today());
            int failed = 0;
            for (Reminders.Sent s : sent) {
                System.out.printf("%s (%s): %s%n", s.unit(), String.join(", ", s.to()), switch (s.status()) {
                    case Reminders.Sent.SENT -> "đã gửi, " + s.upcoming() + " sắp đến hạn, " + s.overdue() + " quá hạn";
                    case Reminders.Sent.ALREADY -> "đã gửi trước đó hôm nay";
                    case Reminders.Sent.NOTHING -> "không có thời hạn cần nhắc";
                    default -> "gửi không được: " + s.error();
                });
                failed += Reminders.Sent.FAILED.equals(s.status()) ? 1 : 0;
            }
            return failed == 0 ? 0 : 1;
        }
        if (unit == null && preview == null) {
            List<UnitContacts.Contact> all = contacts.all();
            if (all.isEmpty()) {
                System.out.println("chưa đơn vị nào có địa chỉ nhận nhắc hạn (đặt bằng --unit U --emails A,B)");
            }
            all.forEach(c -> System.out.println(c.unit() + ": " + String.join(", ", c.emails())));
        }
        return 0;
    }
}
