package vn.vanban.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a database that is down or restarting: work that fails because the connection was lost is run again,
 * with growing pauses, until it succeeds or the patience runs out. Safe for ingest, which is idempotent (a file's
 * bytes are stored at most once, whatever was committed before the connection dropped).
 */
public final class DatabaseOutage {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    /** Runs {@code work}, retrying it while the database is unreachable, for at most {@code patience}. */
    public static <T> T retry(Supplier<T> work, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 250;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isConnectionLoss(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.warn("database unreachable during {}; retrying for up to {} s: {}", what, patience.toSeconds(), rootMessage(e));
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, 5000);
            }
        }
    }

    /** Whether {@code e} comes from a lost or refused database connection, rather than from the work itself. */
    public static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketException) {
                return true;
            }
            String state = t instanceof java.sql.SQLException s ? s.getSQLState() : null;
            if (state != null && state.startsWith("08")) { // SQLSTATE class 08: connection exception
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("connection is not available") || m.contains("communications link failure")
                    || m.contains("connection refused") || m.contains("socket error") || m.contains("connection reset")
                    || m.contains("server has gone away") || m.contains("connection was killed")
                    || m.contains("connection is closed") || m.contains("closedconnection")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable r = e;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.toString();
    }
}
