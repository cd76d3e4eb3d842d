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
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.ingest.DropClaims;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.store.BlobStore;

/**
 * Reads the IMAP mailboxes of {@link Mailbox} and ingests each attachment as an upload is ingested: its source is the
 * message (sender, subject, date, kept in {@code mail_message}), and what became of it is kept in
 * {@code mail_attachment}. A message is taken once, by its Message-ID: its row is inserted (claimed) before its
 * attachments are read and marked done after, and only then is it marked read or moved. A crash or a dropped
 * connection in between leaves the message unread and its claim unfinished; the next poll takes it again, and its
 * attachments already stored are found by their content, not stored twice. When several Vanban processes read one
 * mailbox, the claim lets one of them take each message (another's unfinished claim is taken over after
 * {@link MailStore#LEASE}).
 */
@Singleton
public class MailIntake implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    /** What one poll of one mailbox did. */
    @Serdeable
    public record Poll(String mailbox, int messages, int taken, int attachments, int ingested, int failed,
                       @Nullable String error) {
    }

    /** A message taken from a mailbox, as listed. */
    @Serdeable
    public record MailMessage(String key, String mailbox, String messageId, @Nullable String sender,
                              @Nullable String subject, @Nullable Instant sentAt, @Nullable Instant doneAt,
                              List<Attachment> attachments) {
    }

    /** One attachment and what became of it. */
    @Serdeable
    public record Attachment(int part, String fileName, @Nullable Long documentId, String status, @Nullable String reason) {
    }

    /** Where a document came from, when it came by e-mail. */
    @Serdeable
    public record MailSource(String mailbox, @Nullable String sender, @Nullable String subject, @Nullable Instant sentAt) {
    }

    private final List<Mailbox> mailboxes;
    private final IngestService ingest;
    private final MailStore store;
    private final TaskScheduler scheduler;
    private final String node;
    private final long pollSeconds;
    private final ReentrantLock polling = new ReentrantLock();

    public MailIntake(List<Mailbox> mailboxes, IngestService ingest, MailStore store, DropClaims claims,
                      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                      @Value("${vanban.mail.poll-seconds:60}") long pollSeconds) {
        this.mailboxes = List.copyOf(mailboxes);
        this.ingest = ingest;
        this.store = store;
        this.scheduler = scheduler;
        this.node = claims.node();
        this.pollSeconds = pollSeconds;
    }

    /** The mailboxes configured. */
    public List<Mailbox> mailboxes() {
        return mailboxes;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!mailboxes.isEmpty() && pollSeconds > 0) {
            LOG.info("reading {} mailbox(es) every {} s: {}", mailboxes.size(), pollSeconds, mailboxes);
            scheduler.scheduleWithFixedDelay(Duration.ofSeconds(5), Duration.ofSeconds(pollSeconds), this::pollQuietly);
        }
    }

    private void pollQuietly() {
        try {
            pollAll();
        } catch (RuntimeException e) {
            LOG.warn("reading the mailboxes failed; tried again in {} s: {}", pollSeconds, e.toString());
        }
    }

    /** The messages taken, newest first, with their attachments. */
    public List<MailMessage> recent(int limit) {
        return store.recent(limit);
    }

    /** The message document {@code documentId} came in first, if it came by e-mail. */
    public Optional<MailSource> sourceOf(long documentId) {
        return store.sourceOf(documentId);
    }

    /** Reads every mailbox once; one that cannot be reached is reported in its {@link Poll#error()}. */
    public List<Poll> pollAll() {
        polling.lock(); // the schedule and a request to read now take turns
        try {
            List<Poll> out = new ArrayList<>();
            for (Mailbox box : mailboxes) {
                out.add(poll(box));
            }
            return out;
        } finally {
            polling.unlock();
        }
    }

    /** Reads {@code box} once: every message not yet taken. */
    Poll poll(Mailbox box) {
        int[] counts = new int[5]; // messages, taken, attachments, ingested, failed
        Store imap = null;
        Folder folder = null;
        try {
            Session session = Session.getInstance(properties(box));
            imap = session.getStore(box.tls() ? "imaps" : "imap");
            imap.connect(box.host(), box.port(), box.username(), box.password());
            folder = imap.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            Folder target = null;
            if (box.moves()) {
                target = imap.getFolder(box.moveTo());
                if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("cannot create folder " + box.moveTo());
                }
            }
            Message[] messages = box.moves() ? folder.getMessages()
                    : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            FetchProfile headers = new FetchProfile();
            headers.add(FetchProfile.Item.ENVELOPE);
            headers.add("Message-ID");
            folder.fetch(messages, headers);
            counts[0] = messages.length;
            List<Message> finished = new ArrayList<>();
            for (Message m : messages) {
                if (take(box, m, counts)) {
                    finished.add(m);
                    if (!box.moves()) {
                        m.setFlag(Flags.Flag.SEEN, true);
                    }
                }
            }
            if (box.moves() && !finished.isEmpty()) {
                Message[] done = finished.toArray(Message[]::new);
                folder.copyMessages(done, target);
                folder.setFlags(done, new Flags(Flags.Flag.DELETED), true);
            }
            folder.close(box.moves());
            folder = null;
            return new Poll(box.name(), counts[0], counts[1], counts[2], counts[3], counts[4], null);
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warn("mailbox {}: {} (what was taken is kept; the rest is read at the next poll)", box, e.toString());
            LOG.debug("mailbox {} failed at", box, e);
            return new Poll(box.name(), counts[0], counts[1], counts[2], counts[3], counts[4], describe(e));
        } finally {
            closeQuietly(folder, imap);
        }
    }

    /** Takes message {@code m} unless it was taken already; whether it is done (to be marked read or moved). */
    private boolean take(Mailbox box, Message m, int[] counts) throws MessagingException, IOException {
        String messageId = messageId(m);
        String key = BlobStore.sha256((box.name() + "\n" + messageId).getBytes(StandardCharsets.UTF_8));
        String sender = sender(m);
        String subject = cut(m.getSubject(), 1000);
        Instant sent = m.getSentDate() != null ? m.getSentDate().toInstant()
                : m.getReceivedDate() != null ? m.getReceivedDate().toInstant() : null;
        MailStore.Claim claim;
        try {
            claim = store.claim(key, box.name(), messageId, sender, subject, sent, node);
        } catch (RuntimeException e) {
            if (!DropClaims.lostToAnother(e)) {
                throw e;
            }
            claim = MailStore.Claim.OTHER; // two processes claimed it at once (a deadlock, a certification conflict)
        }
        if (claim == MailStore.Claim.DONE) {
            return true; // taken before (and not yet marked read or moved, or taken through another mailbox copy)
        }
        if (claim == MailStore.Claim.OTHER) {
            return false;
        }
        counts[1]++;
        List<Part> parts = new ArrayList<>();
        attachments(m, parts);
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String name = fileName(part, i + 1);
            String source = "mail:" + box.name() + "/" + messageId + "/" + (i + 1) + "/" + name;
            counts[2]++;
            IngestOutcome o = ingestPart(source, name, part);
            if (o.status() == IngestOutcome.Status.FAILED) {
                counts[4]++;
            } else {
                counts[3]++;
            }
            store.record(key, i + 1, name, o);
        }
        store.done(key);
        return true;
    }

    private IngestOutcome ingestPart(String source, String name, Part part) throws MessagingException, IOException {
        long max = ingest.maxFileSize();
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                long size = bytes.length + in.transferTo(java.io.OutputStream.nullOutputStream());
                return ingest.refuseTooLarge(source, name, size);
            }
            return ingest.ingest(source, name, bytes, false);
        }
    }

    /** The parts of {@code p} that are files: those with a file name, or marked as attachments. */
    static void attachments(Part p, List<Part> out) throws MessagingException, IOException {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                attachments(mp.getBodyPart(i), out);
            }
        } else if (p.isMimeType("message/rfc822") && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            attachments((Part) p.getContent(), out); // a forwarded message: its attachments
        } else if (p.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            out.add(p);
        }
    }

    private static String fileName(Part p, int index) throws MessagingException {
        String name = p.getFileName();
        if (name != null) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                // keep it as it came
            }
            name = name.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1).strip();
        }
        return name == null || name.isEmpty() ? "tep-dinh-kem-" + index : cut(name, 500);
    }

    private static String messageId(Message m) throws MessagingException {
        String[] ids = m.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return cut(ids[0].strip(), 1000);
        }
        // no Message-ID: one made of what identifies the message
        String made = sender(m) + "\n" + m.getSubject() + "\n" + m.getSentDate() + "\n" + m.getSize();
        return "<" + BlobStore.sha256(made.getBytes(StandardCharsets.UTF_8)) + "@vanban.invalid>";
    }

    private static String sender(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        // as people write it: "Văn phòng UBND <vp@ubnd.gov.vn>", or the address alone
        String written = from[0] instanceof InternetAddress ia
                ? (ia.getPersonal() == null || ia.getPersonal().isBlank() ? ia.getAddress() : ia.getPersonal().strip() + " <" + ia.getAddress() + ">")
                : from[0].toString();
        return cut(written, 500);
    }

    private static Properties properties(Mailbox box) {
        Properties p = new Properties();
        String proto = box.tls() ? "imaps" : "imap";
        p.put("mail." + proto + ".connectiontimeout", "20000");
        p.put("mail." + proto + ".timeout", "60000");
        p.put("mail." + proto + ".writetimeout", "60000");
        // reading a message must not mark it read: it is marked once its attachments are in
        p.put("mail." + proto + ".peek", "true");
        return p;
    }

    private static String describe(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return cut(msg, 500);
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    private static void closeQuietly(Folder folder, Store store) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone already
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone already
        }
    }

}
