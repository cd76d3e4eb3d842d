package vn.vanban.mail;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.store.ClaimedRows;

/**
 * The mail tables: the messages taken from the mailboxes ({@code mail_message}, claimed by inserting their row, keyed
 * by mailbox and Message-ID), what became of their attachments ({@code mail_attachment}), and the digests sent
 * ({@code reminder_sent}, one row per unit and day).
 */
@Singleton
public class MailStore {

    /** How long a claim holds before another process may take the message over. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final JdbcOperations jdbc;

    public MailStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim's answer. */
    public enum Claim { MINE, DONE, OTHER }

    /** Claims the message {@code key} for process {@code node}: MINE to take it, DONE when taken before, OTHER when another process has it. */
    @Transactional
    public Claim claim(String key, String mailbox, String messageId, String sender, String subject, Instant sent, String node) {
        Timestamp now = Timestamp.from(Instant.now());
        Optional<Boolean> done = jdbc.prepareStatement("SELECT done_at FROM mail_message WHERE message_key = ?", ps -> {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1) != null) : Optional.<Boolean>empty();
            }
        });
        if (done.isPresent()) {
            if (done.get()) {
                return Claim.DONE;
            }
            // unfinished: this process's own (before a crash or a dropped connection), or another's whose lease ran out
            return ClaimedRows.takeOver(jdbc, "mail_message", "message_key = ?", (ps, at) -> {
                ps.setString(at, key);
                return at + 1;
            }, "done_at", node, LEASE, true) ? Claim.MINE : Claim.OTHER;
        }
        return insertNew("INSERT INTO mail_message (message_key, mailbox, message_id, sender, subject, sent_at, node, claimed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, key);
                    ps.setString(2, cut(mailbox, 200));
                    ps.setString(3, messageId);
                    ps.setString(4, sender);
                    ps.setString(5, subject);
                    ps.setTimestamp(6, sent == null ? null : Timestamp.from(sent));
                    ps.setString(7, node);
                    ps.setTimestamp(8, now);
                }) ? Claim.MINE : Claim.OTHER; // another process claimed it first
    }

    /** What became of attachment {@code part} of message {@code key}. */
    @Transactional
    public void record(String key, int part, String name, IngestOutcome o) {
        // an insert first: the attachment is new unless the message is being taken again (a delete or update of a row
        // that is not there would lock the gap it falls in, and two processes locking gaps deadlock)
        boolean inserted = insertNew("INSERT INTO mail_attachment (message_key, part_no, file_name, document_id, status, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> bind(ps, 1, key, part, name, o));
        if (!inserted) {
            jdbc.prepareStatement("UPDATE mail_attachment SET message_key = ?, part_no = ?, file_name = ?, document_id = ?, "
                    + "status = ?, reason = ? WHERE message_key = ? AND part_no = ?", ps -> {
                        bind(ps, 1, key, part, name, o);
                        ps.setString(7, key);
                        ps.setInt(8, part);
                        return ps.executeUpdate();
                    });
        }
    }

    private static void bind(java.sql.PreparedStatement ps, int at, String key, int part, String name, IngestOutcome o)
            throws java.sql.SQLException {
        ps.setString(at, key);
        ps.setInt(at + 1, part);
        ps.setString(at + 2, name);
        if (o.id() == null) {
            ps.setNull(at + 3, java.sql.Types.BIGINT);
        } else {
            ps.setLong(at + 3, o.id());
        }
        ps.setString(at + 4, o.status().name());
        ps.setString(at + 5, cut(o.reason(), 1000));
    }

    /** Marks message {@code key} taken: every attachment is in. */
    @Transactional
    public void done(String key) {
        jdbc.prepareStatement("UPDATE mail_message SET done_at = ? WHERE message_key = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, key);
            return ps.executeUpdate();
        });
    }

    /** The messages taken, newest first, with their attachments. */
    @Transactional(readOnly = true)
    public List<MailIntake.MailMessage> recent(int limit) {
        List<MailIntake.MailMessage> out = jdbc.prepareStatement("SELECT message_key, mailbox, message_id, sender, subject, sent_at, done_at "
                + "FROM mail_message ORDER BY claimed_at DESC, message_key LIMIT ?", ps -> {
                    ps.setInt(1, Math.max(1, Math.min(limit, 1000)));
                    List<MailIntake.MailMessage> list = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(new MailIntake.MailMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), new ArrayList<>()));
                        }
                    }
                    return list;
                });
        for (MailIntake.MailMessage m : out) {
            m.attachments().addAll(attachmentsOf(m.key()));
        }
        return out;
    }

    private List<MailIntake.Attachment> attachmentsOf(String key) {
        return jdbc.prepareStatement("SELECT part_no, file_name, document_id, status, reason FROM mail_attachment "
                + "WHERE message_key = ? ORDER BY part_no", ps -> {
                    ps.setString(1, key);
                    List<MailIntake.Attachment> list = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long doc = rs.getLong(3);
                            Long document = rs.wasNull() ? null : doc;
                            list.add(new MailIntake.Attachment(rs.getInt(1), rs.getString(2), document,
                                    rs.getString(4), rs.getString(5)));
                        }
                    }
                    return list;
                });
    }

    /** The message document {@code documentId} came in first, if it came by e-mail. */
    @Transactional(readOnly = true)
    public Optional<MailIntake.MailSource> sourceOf(long documentId) {
        return jdbc.prepareStatement("SELECT m.mailbox, m.sender, m.subject, m.sent_at FROM mail_attachment a "
                + "JOIN mail_message m ON m.message_key = a.message_key WHERE a.document_id = ? "
                + "ORDER BY m.claimed_at LIMIT 1", ps -> {
                    ps.setLong(1, documentId);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new MailIntake.MailSource(rs.getString(1), rs.getString(2), rs.getString(3),
                                instant(rs.getTimestamp(4)))) : Optional.<MailIntake.MailSource>empty();
                    }
                });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Claims the digest of unit {@code key} on {@code day}; false when it was sent (or is being sent) already. */
    @Transactional
    public boolean claimDigest(String key, LocalDate day, String node) {
        return insertNew("INSERT INTO reminder_sent (unit_key, sent_day, node, claimed_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, key);
            ps.setDate(2, Date.valueOf(day));
            ps.setString(3, node);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
        }) || ClaimedRows.takeOver(jdbc, "reminder_sent", "unit_key = ? AND sent_day = ?", (ps, at) -> {
            ps.setString(at, key); // a claim left by a process that died while sending
            ps.setDate(at + 1, Date.valueOf(day));
            return at + 2;
        }, "sent_at", node, Duration.ofMinutes(15), false);
    }

    /** Marks the digest of unit {@code key} on {@code day} sent, with {@code count} deadlines. */
    @Transactional
    public void digestSent(String key, LocalDate day, int count) {
        jdbc.prepareStatement("UPDATE reminder_sent SET sent_at = ?, deadlines = ? WHERE unit_key = ? AND sent_day = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setInt(2, count);
            ps.setString(3, key);
            ps.setDate(4, Date.valueOf(day));
            return ps.executeUpdate();
        });
    }

    /** Whether the digest of unit {@code key} on {@code day} has been sent. */
    @Transactional(readOnly = true)
    public boolean digestSentOn(String key, LocalDate day) {
        return jdbc.prepareStatement("SELECT 1 FROM reminder_sent WHERE unit_key = ? AND sent_day = ? AND sent_at IS NOT NULL",
                ps -> {
                    ps.setString(1, key);
                    ps.setDate(2, Date.valueOf(day));
                    try (var rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    /** Gives back the claim of a digest that could not be sent, for the next round. */
    @Transactional
    public void releaseDigest(String key, LocalDate day) {
        jdbc.prepareStatement("DELETE FROM reminder_sent WHERE unit_key = ? AND sent_day = ? AND sent_at IS NULL", ps -> {
            ps.setString(1, key);
            ps.setDate(2, Date.valueOf(day));
            return ps.executeUpdate();
        });
    }

    /** How a statement's parameters are set. */
    @FunctionalInterface
    private interface Binder {
        void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException;
    }

    /** Runs the insert {@code sql}; false, and nothing written, when a row with its key is there already. */
    private boolean insertNew(String sql, Binder binder) {
        return ClaimedRows.insertNew(jdbc, sql, (ps, at) -> {
            binder.bind(ps);
            return 0;
        });
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
