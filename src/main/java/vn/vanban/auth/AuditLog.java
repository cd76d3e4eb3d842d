package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Records every write: who did what to what, the value before and after. Writes from the drop folder are "system". */
@Singleton
public class AuditLog {

    /** The actor of writes no person made (the watched folder, the command line). */
    public static final String SYSTEM = "system";

    private final AuditRepository events;

    public AuditLog(AuditRepository events) {
        this.events = events;
    }

    public void record(@Nullable Authentication who, @Nullable HttpRequest<?> request, String action,
                       @Nullable String target, @Nullable String before, @Nullable String after) {
        String user = who == null ? "anonymous" : who.getName();
        String remote = request == null ? null : request.getRemoteAddress().getAddress().getHostAddress();
        record(user, remote, action, target, before, after);
    }

    public void record(String user, @Nullable String remote, String action, @Nullable String target,
                       @Nullable String before, @Nullable String after) {
        events.save(new AuditEvent(null, Instant.now().truncatedTo(ChronoUnit.MILLIS), clip(user, 100), clip(action, 64),
                clip(target, 500), before, after, clip(remote, 100)));
    }

    /** An upload through the pages or the API. */
    public void uploaded(@Nullable Authentication who, @Nullable HttpRequest<?> request, vn.vanban.ingest.IngestOutcome o) {
        String after = "status=" + o.status() + " file=" + o.fileName()
                + (o.id() != null ? " id=" + o.id() : "") + (o.previousId() != null ? " replaces=" + o.previousId() : "")
                + (o.failureKind() != null ? " failure=" + o.failureKind() + ": " + o.reason() : "");
        record(who, request, "document.upload", o.id() != null ? "document " + o.id() : "file " + o.fileName(), null, after);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
