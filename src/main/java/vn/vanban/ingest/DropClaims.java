package vn.vanban.ingest;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import vn.vanban.config.VanbanConfig;
import vn.vanban.store.BlobStore;
import vn.vanban.store.ClaimedRows;

/**
 * Which Vanban process takes a file of the drop folder, when several watch one shared folder: the first to insert the
 * file's claim (table {@code drop_claim}: its path below the folder, size and modification time) takes it; the others
 * leave it. A claim not marked done within {@link #LEASE} (its process died mid-file) may be taken over, and a process
 * takes back its own unfinished claims at once (it is named by its host and data directory, or {@code vanban.node-name}).
 * A changed file is a new claim; a file taken and done is not taken again. On one process alone a claim is always won;
 * it costs one insert a file.
 */
@Singleton
public class DropClaims {

    /** How long a claim holds before another process may take the file over. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final JdbcOperations jdbc;
    private final Path folder;
    private final String node;

    public DropClaims(JdbcOperations jdbc, VanbanConfig config, @Value("${vanban.node-name:}") String nodeName) {
        this.jdbc = jdbc;
        this.folder = config.ingestDir().toAbsolutePath().normalize();
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        // the same name after a restart (host and data directory), so that a process takes back what it left unfinished
        String name = nodeName == null || nodeName.isBlank() ? host + ":" + config.dataDir().toAbsolutePath().normalize() : nodeName.strip();
        this.node = name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The claim of {@code file} as it is now; null when it cannot be read (it has gone). */
    public String keyOf(Path file) {
        try {
            Path abs = file.toAbsolutePath().normalize();
            String rel = abs.startsWith(folder) ? folder.relativize(abs).toString() : abs.toString();
            String id = rel + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
            return BlobStore.sha256(id.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether this process takes {@code file} (claim {@code key}): its insert won, or the claim's lease ran out. Two
     * processes inserting at once through two nodes of a Galera cluster meet at commit: the loser's commit fails as a
     * deadlock, which the caller takes as "claimed by another" ({@link #lostToAnother}).
     */
    @Transactional
    public boolean claim(String key, Path file) {
        String path = file.toString();
        // an insert first (see ClaimedRows); then an unfinished claim of this process (before a crash, say), or of
        // another whose lease ran out, is taken back
        return ClaimedRows.insertNew(jdbc, "INSERT INTO drop_claim (claim_key, path, node, claimed_at) VALUES (?, ?, ?, ?)",
                (ps, at) -> {
                    ps.setString(at, key);
                    ps.setString(at + 1, path.length() > 2000 ? path.substring(path.length() - 2000) : path);
                    ps.setString(at + 2, node);
                    ps.setTimestamp(at + 3, Timestamp.from(Instant.now()));
                    return at + 4;
                }) || ClaimedRows.takeOver(jdbc, "drop_claim", "claim_key = ?", (ps, at) -> {
                    ps.setString(at, key);
                    return at + 1;
                }, "done_at", node, LEASE, true);
    }

    /** The name of this process among those sharing the database (its host and data directory, or vanban.node-name). */
    public String node() {
        return node;
    }

    /** Whether {@code e}, thrown by {@link #claim}, says another process's claim won (a conflict, not an outage). */
    public static boolean lostToAnother(RuntimeException e) {
        return !DatabaseOutage.isConnectionLoss(e) && IngestService.isTransient(e);
    }

    /** Marks claim {@code key} done. */
    @Transactional
    public void done(String key) {
        jdbc.prepareStatement("UPDATE drop_claim SET done_at = ? WHERE claim_key = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, key);
            return ps.executeUpdate();
        });
    }
}
