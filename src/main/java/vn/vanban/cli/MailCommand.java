package vn.vanban.cli;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import vn.vanban.mail.MailIntake;

/** Reads the configured mailboxes once and ingests their attachments, as {@code serve} does on its schedule. */
@Command(name = "mail", description = "Read the configured IMAP mailboxes once and ingest the attachments of new messages")
public class MailCommand implements Callable<Integer> {

    @Inject
    MailIntake intake;

    @Override
    public Integer call() {
        if (intake.mailboxes().isEmpty()) {
            System.err.println("lỗi: chưa đặt hộp thư nào (vanban.mail.mailboxes.TÊN.host, biến môi trường "
                    + "VANBAN_MAIL_MAILBOXES_TÊN_HOST …; xem README)");
            return 2;
        }
        int failed = 0;
        for (MailIntake.Poll p : intake.pollAll()) {
            System.out.printf("%s: %d thư, %d thư mới, %d tệp đính kèm: %d đã nhận, %d lỗi%s%n", p.mailbox(), p.messages(),
                    p.taken(), p.attachments(), p.ingested(), p.failed(),
                    p.error() == null ? "" : " — dừng giữa chừng: " + p.error() + " (phần còn lại nhận ở lần đọc sau)");
            failed += p.error() == null ? 0 : 1;
        }
        return failed == 0 ? 0 : 1;
    }
}
