package vn.vanban.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.vanban.auth.Role;
import vn.vanban.support.CuttableProxy;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * Documents that arrive by e-mail and deadline digests that leave by e-mail (issue 22), against a real IMAP and SMTP
 * server in the test's process (GreenMail): a mailbox of 200 messages taken once each, a message of five attachments
 * (three documents, a broken PDF and a file of no supported format, recorded with their reasons), a connection dropped
 * mid-fetch (nothing lost, nothing doubled), moving messages away, and one digest per unit per day across a restart.
 */
@org.junit.jupiter.api.Tag("slow")
@Timeout(600)
class MailIntakeTest {

    private GreenMail mail;
    private GreenMailUser clerk;
    private final Session session = Session.getInstance(new Properties());

    @BeforeEach
    void startMailServer() {
        mail = new GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {
                ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()});
        mail.start();
        clerk = mail.setUser("vanthu@sonoivu.gov.vn", "vanthu", "mat-khau-hop-thu");
    }

    @AfterEach
    void stopMailServer() {
        mail.stop();
    }

    private Map<String, Object> mailbox(int port, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("vanban.mail.mailboxes.vanthu.host", "127.0.0.1");
        p.put("vanban.mail.mailboxes.vanthu.port", port);
        p.put("vanban.mail.mailboxes.vanthu.tls", false);
        p.put("vanban.mail.mailboxes.vanthu.username", "vanthu");
        p.put("vanban.mail.mailboxes.vanthu.password", "mat-khau-hop-thu");
        p.put("vanban.mail.mailboxes.vanthu.after", after);
        return p;
    }

    /** A letter whose number and subject carry {@code i}. */
    private static String letter(int i) {
        return "UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: " + i + "/SNV-VP\nBắc Kạn, ngày 05 tháng 3 năm 2024\n"
                + "V/v báo cáo công tác văn thư lần " + i + "\n\nKính gửi: Các phòng chuyên môn.\n\n"
                + "Sở Nội vụ đề nghị các phòng báo cáo kết quả công tác văn thư, lưu trữ (đợt " + i + ").\n\n"
                + "GIÁM ĐỐC\nNguyễn Văn An\n";
    }

    private MimeMessage message(String from, String subject, Object[]... files) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("vanthu@sonoivu.gov.vn"));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new java.util.Date());
        MimeMultipart body = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Kính gửi văn thư, gửi kèm văn bản.", "UTF-8");
        body.addBodyPart(text);
        for (Object[] f : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource((byte[]) f[1], "application/octet-stream")));
            part.setFileName(MimeUtility.encodeText((String) f[0], "UTF-8", null));
            part.setDisposition(Part.ATTACHMENT);
            body.addBodyPart(part);
        }
        m.setContent(body);
        m.saveChanges(); // gives it its Message-ID
        return m;
    }

    private static Object[] file(String name, byte[] bytes) {
        return new Object[] {name, bytes};
    }

    private static long count(TestApp app, String sql) {
        var env = app.context.getEnvironment();
        try (var c = java.sql.DriverManager.getConnection(env.getRequiredProperty("datasources.default.url", String.class),
                env.getProperty("datasources.default.username", String.class).orElse(""),
                env.getProperty("datasources.default.password", String.class).orElse(""));
             var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many messages of {@code folderName} are unread, and how many in all. */
    private int[] unreadAndAll(String folderName) throws Exception {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), "vanthu", "mat-khau-hop-thu");
        try {
            Folder f = store.getFolder(folderName);
            f.open(Folder.READ_ONLY);
            int[] n = {f.getUnreadMessageCount(), f.getMessageCount()};
            f.close(false);
            return n;
        } finally {
            store.close();
        }
    }

    private int unread(String folderName) throws Exception {
        return unreadAndAll(folderName)[0];
    }

    @Test
    void twoHundredMessagesAreTakenOnceEachEvenAcrossADroppedConnection() throws Exception {
        for (int i = 1; i <= 200; i++) {
            clerk.deliver(message("phongvp@sonoivu.gov.vn", "Gửi văn bản số " + i,
                    file("Công văn số " + i + ".txt", letter(i).getBytes(StandardCharsets.UTF_8))));
        }
        try (CuttableProxy proxy = new CuttableProxy(mail.getImap().getPort());
             TestApp app = TestApp.start(Databases.H2, mailbox(proxy.port(), "read"))) {
            MailIntake intake = app.bean(MailIntake.class);
            // the network fails part of the way through the messages (once 120 kB have come from the server)
            proxy.cutAfter(120_000);
            MailIntake.Poll first = intake.pollAll().get(0);
            assertEquals(1, proxy.cuts());
            assertNotNull(first.error(), "the dropped connection is reported");
            long doneFirst = count(app, "SELECT COUNT(*) FROM mail_message WHERE done_at IS NOT NULL");
            assertTrue(doneFirst > 0 && doneFirst < 200, "some but not all messages were taken: " + doneFirst);
            assertEquals(200 - doneFirst, unread("INBOX"), "a message is marked read only once it is in");

            MailIntake.Poll second = intake.pollAll().get(0);
            assertNull(second.error());
            assertEquals(200, count(app, "SELECT COUNT(*) FROM mail_message WHERE done_at IS NOT NULL"));
            assertEquals(200, count(app, "SELECT COUNT(*) FROM document"), "each attachment stored once");
            assertEquals(200, count(app, "SELECT COUNT(DISTINCT document_id) FROM mail_attachment"));
            assertEquals(0, unread("INBOX"));

            MailIntake.Poll third = intake.pollAll().get(0);
            assertEquals(0, third.messages(), "read messages are not read again");
            assertEquals(200, count(app, "SELECT COUNT(*) FROM document"));

            // a message delivered again (the same Message-ID, unread once more) is not ingested twice
            MimeMessage again = message("phongvp@sonoivu.gov.vn", "Gửi lại", file("khac.txt", letter(999).getBytes(StandardCharsets.UTF_8)));
            again.setHeader("Message-ID", intake.recent(1).get(0).messageId());
            clerk.deliver(again);
            MailIntake.Poll fourth = intake.pollAll().get(0);
            assertEquals(1, fourth.messages());
            assertEquals(0, fourth.taken());
            assertEquals(200, count(app, "SELECT COUNT(*) FROM document"));
            assertEquals(0, unread("INBOX"));

            // each document says where it came from, on its page and in the API
            List<MailIntake.MailMessage> recent = intake.recent(1000);
            assertEquals(200, recent.size());
            MailIntake.MailMessage m = recent.stream().filter(x -> "Gửi văn bản số 7".equals(x.subject())).findFirst().orElseThrow();
            assertEquals("phongvp@sonoivu.gov.vn", m.sender());
            assertEquals("Công văn số 7.txt", m.attachments().get(0).fileName());
            long doc = m.attachments().get(0).documentId();
            String base = app.serve();
            HttpClient http = HttpClient.newHttpClient();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/van-ban/" + doc)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Nhận qua e-mail") && page.contains("phongvp@sonoivu.gov.vn")
                    && page.contains("Gửi văn bản số 7"), "the document page names the message");
            String json = http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents/" + doc)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(json.contains("\"mail\":{") && json.contains("\"subject\":\"Gửi văn bản số 7\""), json);
            assertEquals("7/SNV-VP", app.bean(vn.vanban.store.DocumentRepository.class).findById(doc).orElseThrow().docNumber());
        }
    }

    @Test
    void fiveAttachmentsBrokenAndUnsupportedOnesAreRecordedWithTheirReasons() throws Exception {
        byte[] docx = Files.readAllBytes(Fixtures.path("dev-office/docx/000_dfb5246ff8e502db.docx"));
        byte[] pdf = Files.readAllBytes(Fixtures.path("dev-office/pdf/001_6f21706be8332ce4.pdf"));
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\nhỏng".getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        clerk.deliver(message("Văn phòng UBND <vp@ubnd.gov.vn>", "Năm tệp",
                file("Quyết định.docx", docx), file("ke-hoach.pdf", pdf), file("cong-van.txt", letter(1).getBytes(StandardCharsets.UTF_8)),
                file("hong.pdf", broken), file("du-lieu.bin", binary)));
        try (TestApp app = TestApp.start(Databases.H2, mailbox(mail.getImap().getPort(), "move"))) {
            MailIntake intake = app.bean(MailIntake.class);
            MailIntake.Poll p = intake.pollAll().get(0);
            assertNull(p.error());
            assertEquals(5, p.attachments());
            assertEquals(3, p.ingested());
            assertEquals(2, p.failed());
            MailIntake.MailMessage m = intake.recent(1).get(0);
            assertEquals("Văn phòng UBND <vp@ubnd.gov.vn>", m.sender());
            assertEquals(List.of("Quyết định.docx", "ke-hoach.pdf", "cong-van.txt", "hong.pdf", "du-lieu.bin"),
                    m.attachments().stream().map(MailIntake.Attachment::fileName).toList());
            for (MailIntake.Attachment a : m.attachments().subList(3, 5)) {
                assertEquals("FAILED", a.status());
                assertNull(a.documentId());
                assertNotNull(a.reason(), a.fileName() + " has its reason");
            }
            assertEquals(3, count(app, "SELECT COUNT(*) FROM document"));
            assertEquals(2, count(app, "SELECT COUNT(*) FROM ingest_failure WHERE source_path LIKE 'mail:vanthu/%'"),
                    "the failures are listed with the drop folder's and the uploads'");
            // moved out of the inbox into the folder "Vanban"
            assertEquals(0, unread("INBOX"));
            assertEquals(1, unreadAndAll("Vanban")[1]);
            assertEquals(0, intake.pollAll().get(0).messages());

            // the editors' page lists the message and what became of each file; the API too
            String base = app.serve();
            String token = app.apiToken(Role.EDITOR);
            HttpClient http = HttpClient.newHttpClient();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/nhac-han"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Năm tệp") && page.contains("hong.pdf") && page.contains("đã thêm"), page);
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/mail/messages"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode());
            assertTrue(api.body().contains("\"fileName\":\"du-lieu.bin\""), api.body());
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(base + "/api/mail/messages")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "only editors see the mail");
        }
    }

    @Test
    void aDailyDigestGoesToEachUnitOnceADayAcrossARestart() throws Exception {
        String plan = "UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                + "Số: 88/KH-SNV\nBắc Kạn, ngày 20 tháng 11 năm 2026\n"
                + "KẾ HOẠCH\nKiểm tra công tác văn thư năm 2026\n\n"
                + "1. Phòng Tổ chức cán bộ gửi báo cáo tự kiểm tra về Sở Nội vụ trước ngày 10/12/2026.\n"
                + "2. Phòng Tổ chức cán bộ hoàn thành việc chỉnh lý hồ sơ trước ngày 28/11/2026.\n"
                + "3. Văn phòng Sở tổng hợp kết quả trước ngày 31/12/2026.\n\nGIÁM ĐỐC\nNguyễn Văn An\n";
        clerk.deliver(message("vp@sonoivu.gov.vn", "Kế hoạch kiểm tra", file("ke-hoach-88.txt", plan.getBytes(StandardCharsets.UTF_8))));
        Map<String, Object> props = mailbox(mail.getImap().getPort(), "read");
        props.put("vanban.mail.smtp.host", "127.0.0.1");
        props.put("vanban.mail.smtp.port", mail.getSmtp().getPort());
        props.put("vanban.mail.smtp.security", "none");
        props.put("vanban.mail.smtp.from", "vanban@sonoivu.gov.vn");
        props.put("vanban.public-url", "https://vanban.sonoivu.gov.vn");
        LocalDate day = LocalDate.of(2026, 12, 5);
        TestApp app = TestApp.start(Databases.H2, props);
        {
            assertEquals(1, app.bean(MailIntake.class).pollAll().get(0).ingested());
            UnitContacts contacts = app.bean(UnitContacts.class);
            contacts.set("Phòng Tổ chức cán bộ", "tccb@sonoivu.gov.vn, truongphong@sonoivu.gov.vn");
            contacts.set("Phòng Kế hoạch", "khtc@sonoivu.gov.vn"); // named by no deadline: receives nothing
            try {
                contacts.set("Văn phòng", "không-phải-địa-chỉ");
                throw new AssertionError("a wrong address is refused");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("không phải là một địa chỉ e-mail"), e.getMessage());
            }
            Reminders reminders = app.bean(Reminders.class);
            Reminders.Digest d = reminders.digest("phong to chuc can bo", day); // typed without diacritics
            assertEquals(1, d.upcoming(), d.body());
            assertEquals(1, d.overdue(), d.body());
            List<Reminders.Sent> sent = reminders.send(day);
            Map<String, String> status = new HashMap<>();
            sent.forEach(s -> status.put(s.unit(), s.status()));
            assertEquals(Map.of("Phòng Tổ chức cán bộ", Reminders.Sent.SENT, "Phòng Kế hoạch", Reminders.Sent.NOTHING), status);
            assertEquals(Reminders.Sent.ALREADY, reminders.send(day).stream()
                    .filter(s -> s.unit().equals("Phòng Tổ chức cán bộ")).findFirst().orElseThrow().status());
            Map<String, Object> reopen = new HashMap<>(props);
            reopen.putAll(Databases.H2.properties(app.dataDir));
            reopen.put("vanban.watch", false);
            reopen.put("vanban.parse.ocr-enabled", false);
            reopen.put("micronaut.server.port", -1);
            app.context.close(); // a restart: the data stays (and is removed when the reopened context closes)
            try (TestApp again = TestApp.reopen(reopen)) {
                assertEquals(Reminders.Sent.ALREADY, again.bean(Reminders.class).send(day).stream()
                        .filter(s -> s.unit().equals("Phòng Tổ chức cán bộ")).findFirst().orElseThrow().status());
                // the next day is a new digest
                assertEquals(Reminders.Sent.SENT, again.bean(Reminders.class).send(day.plusDays(1)).stream()
                        .filter(s -> s.unit().equals("Phòng Tổ chức cán bộ")).findFirst().orElseThrow().status());
            }
        }
        MimeMessage[] received = mail.getReceivedMessagesForDomain("sonoivu.gov.vn");
        List<MimeMessage> digests = java.util.Arrays.stream(received).filter(m -> {
            try {
                return m.getSubject().startsWith("[Vanban]");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        // two days, two recipients each: four deliveries, one message a day
        assertEquals(4, digests.size());
        MimeMessage first = digests.get(0);
        assertEquals("[Vanban] Thời hạn của Phòng Tổ chức cán bộ ngày 05/12/2026: 1 sắp đến, 1 đã quá hạn", first.getSubject());
        String body = ((String) first.getContent());
        assertTrue(body.contains("10/12/2026: ") && body.contains("báo cáo tự kiểm tra"), body);
        assertTrue(body.contains("Đã quá hạn") && body.contains("28/11/2026"), body);
        assertTrue(body.contains("số 88/KH-SNV") && body.contains("https://vanban.sonoivu.gov.vn/van-ban/"), body);
        assertTrue(!body.contains("Văn phòng Sở tổng hợp"), "only the unit's own deadlines: " + body);
    }

    @Test
    void twoNodesOverOneDatabaseTakeEachMessageOnceAndSendOneDigestAUnitADay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work)
            throws Exception {
        for (int i = 1; i <= 40; i++) {
            clerk.deliver(message("phongvp@sonoivu.gov.vn", "Văn bản " + i,
                    file("cv-" + i + ".txt", letter(i).getBytes(StandardCharsets.UTF_8))));
        }
        String plan = "UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                + "Số: 90/KH-SNV\nBắc Kạn, ngày 20 tháng 11 năm 2026\nKẾ HOẠCH\nTổng kết năm 2026\n\n"
                + "1. Phòng Thi đua khen thưởng gửi báo cáo về Sở Nội vụ trước ngày 10/12/2026.\n\nGIÁM ĐỐC\nNguyễn Văn An\n";
        clerk.deliver(message("vp@sonoivu.gov.vn", "Kế hoạch tổng kết", file("kh-90.txt", plan.getBytes(StandardCharsets.UTF_8))));
        Map<String, Object> a = new HashMap<>(Databases.MARIADB.properties(work.resolve("a"), vn.vanban.support.MariaDbServer.get()));
        a.putAll(mailbox(mail.getImap().getPort(), "read"));
        a.put("vanban.mail.smtp.host", "127.0.0.1");
        a.put("vanban.mail.smtp.port", mail.getSmtp().getPort());
        a.put("vanban.mail.smtp.security", "none");
        a.put("vanban.originals-dir", work.resolve("originals").toString());
        a.put("vanban.node-name", "node-a");
        Map<String, Object> b = new HashMap<>(a);
        b.put("vanban.data-dir", work.resolve("b").toString());
        b.put("vanban.ingest-dir", work.resolve("b/ingest").toString());
        b.put("vanban.node-name", "node-b");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (TestApp first = TestApp.start(Databases.MARIADB, a); TestApp second = TestApp.start(Databases.MARIADB, b)) {
            var one = pool.submit(() -> first.bean(MailIntake.class).pollAll().get(0));
            var two = pool.submit(() -> second.bean(MailIntake.class).pollAll().get(0));
            MailIntake.Poll p1 = one.get(5, java.util.concurrent.TimeUnit.MINUTES);
            MailIntake.Poll p2 = two.get(5, java.util.concurrent.TimeUnit.MINUTES);
            // a node that loses a message to the other (or meets its lock) leaves it to the other or to its next poll
            for (int round = 0; round < 3 && count(first, "SELECT COUNT(*) FROM mail_message WHERE done_at IS NOT NULL") < 41; round++) {
                first.bean(MailIntake.class).pollAll();
            }
            assertEquals(41, count(first, "SELECT COUNT(*) FROM mail_message WHERE done_at IS NOT NULL"), p1 + " " + p2);
            assertEquals(41, count(first, "SELECT COUNT(*) FROM document"), "each attachment stored once: " + p1 + " " + p2);
            assertEquals(41, count(first, "SELECT COUNT(*) FROM mail_attachment"));
            assertTrue(p1.taken() + p2.taken() <= 41, p1 + " " + p2);

            first.bean(UnitContacts.class).set("Phòng Thi đua khen thưởng", "tdkt@sonoivu.gov.vn");
            LocalDate day = LocalDate.of(2026, 12, 7);
            var s1 = pool.submit(() -> first.bean(Reminders.class).send(day));
            var s2 = pool.submit(() -> second.bean(Reminders.class).send(day));
            List<String> statuses = new java.util.ArrayList<>();
            s1.get(2, java.util.concurrent.TimeUnit.MINUTES).forEach(x -> statuses.add(x.status()));
            s2.get(2, java.util.concurrent.TimeUnit.MINUTES).forEach(x -> statuses.add(x.status()));
            java.util.Collections.sort(statuses);
            assertEquals(List.of(Reminders.Sent.ALREADY, Reminders.Sent.SENT), statuses);
        } finally {
            pool.shutdownNow();
        }
        long digests = java.util.Arrays.stream(mail.getReceivedMessagesForDomain("sonoivu.gov.vn")).filter(m -> {
            try {
                return m.getSubject().startsWith("[Vanban]");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertEquals(1, digests, "one digest for the unit that day, from two nodes");
    }
}
