package vn.vanban.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Rows that a process claims by inserting them (files of the drop folder, mail messages, the day's digests): the insert
 * decides, certified cluster-wide on Galera, and a claim left unfinished may be taken over once its lease ran out. An
 * insert comes first, never a delete or update of a row that may not be there: that would lock the gap the key falls in,
 * and two processes locking gaps deadlock.
 */
public final class ClaimedRows {

    /** Binds a statement's parameters from {@code at}; returns the next free index. */
    @FunctionalInterface
    public interface Binder {
        int bind(PreparedStatement ps, int at) throws SQLException;
    }

    private ClaimedRows() {
    }

    /** Runs {@code insertSql}; false, and nothing done, when a row with its key is there already. */
    public static boolean insertNew(JdbcOperations jdbc, String insertSql, Binder binder) {
        return jdbc.prepareStatement(insertSql, ps -> {
            binder.bind(ps, 1);
            try {
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Takes over the unfinished claim of {@code table} (columns {@code node}, {@code claimed_at}) where {@code keyWhere}
     * holds and {@code openColumn} is still null: when its lease ran out, or at once when {@code node} made it (a crash
     * of this same process) and {@code ownAtOnce}.
     * <p>
     * The claim is read first, without a lock, and updated only when it may be taken: after an insert that found the
     * row there (holding a shared lock on it), an update would need that lock raised to an exclusive one while the
     * claim's holder may be waiting for its own exclusive lock to mark it done, and MariaDB would break that cycle by
     * failing one of the two (seen in {@code TwoNodesTest} on one busy core). A claim held by another process and not
     * expired, or done, is the common case and now takes no further lock.
     *
     * @return whether the claim is now {@code node}'s
     */
    public static boolean takeOver(JdbcOperations jdbc, String table, String keyWhere, Binder key, String openColumn,
                                   String node, Duration lease, boolean ownAtOnce) {
        Instant now = Instant.now();
        String mayTake = keyWhere + " AND " + openColumn + " IS NULL AND (" + (ownAtOnce ? "node = ? OR " : "")
                + "claimed_at < ?)";
        Binder condition = (ps, at) -> {
            int next = key.bind(ps, at);
            if (ownAtOnce) {
                ps.setString(next++, node);
            }
            ps.setTimestamp(next++, Timestamp.from(now.minus(lease)));
            return next;
        };
        boolean takeable = jdbc.prepareStatement("SELECT 1 FROM " + table + " WHERE " + mayTake, ps -> {
            condition.bind(ps, 1);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        return takeable && jdbc.prepareStatement("UPDATE " + table + " SET node = ?, claimed_at = ? WHERE " + mayTake, ps -> {
            ps.setString(1, node);
            ps.setTimestamp(2, Timestamp.from(now));
            condition.bind(ps, 3);
            return ps.executeUpdate() > 0;
        });
    }

    /** Whether {@code e} says a row with that key is there already (another claim won). */
    public static boolean isDuplicateKey(SQLException e) {
        return e instanceof java.sql.SQLIntegrityConstraintViolationException
                || (e.getSQLState() != null && e.getSQLState().startsWith("23"));
    }
}
