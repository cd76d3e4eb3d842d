package vn.vanban.store;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A consistent copy of a repository while it runs, and a repository rebuilt from one (issue 22). A backup is a folder:
 * {@code database.zip} (the embedded database, by H2's own online {@code BACKUP}) or {@code database.sql} (MariaDB, by
 * {@code mariadb-dump --single-transaction}: one consistent snapshot, writers not stopped), then {@code originals/},
 * copied after the database (originals are content-addressed and never change, so every file the snapshot names is
 * there), and {@code backup.properties} saying what it holds. The index is not copied: a restore rebuilds it from the
 * database, which is the truth.
 */
@Singleton
public class Backups {

    /** The file that says what a backup holds. */
    public static final String MANIFEST = "backup.properties";

    private final JdbcOperations jdbc;
    private final BlobStore blobs;
    private final String url;
    private final String user;
    private final String password;

    public Backups(JdbcOperations jdbc, BlobStore blobs, @Value("${datasources.default.url}") String url,
                   @Value("${datasources.default.username:}") String user, @Value("${datasources.default.password:}") String password) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** What a backup holds: its database's kind, at least {@code documents} current documents, {@code originals} files. */
    public record Summary(String database, long documents, long originals) {
    }

    /** Writes a backup into {@code dir} (created; it must be empty). */
    public Summary backup(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new IllegalArgumentException("thư mục sao lưu " + dir + " phải trống");
            }
        }
        long documents = count(); // before the snapshot: the backup holds at least these
        String kind;
        if (url.startsWith("jdbc:h2:")) {
            kind = "h2";
            h2Backup(dir.resolve("database.zip").toAbsolutePath());
        } else {
            kind = "mariadb";
            mariadbDump(dir.resolve("database.sql"));
        }
        long originals = copyOriginals(blobs, dir.resolve("originals"));
        java.util.Properties p = new java.util.Properties();
        p.setProperty("database", kind);
        p.setProperty("made", Instant.now().toString());
        p.setProperty("originals", Long.toString(originals));
        try (var out = Files.newBufferedWriter(dir.resolve(MANIFEST))) {
            p.store(out, "Vanban backup");
        }
        return new Summary(kind, documents, originals);
    }

    @Transactional
    void h2Backup(Path zip) {
        jdbc.prepareStatement("BACKUP TO '" + zip.toString().replace("'", "''") + "'", ps -> ps.execute());
    }

    @Transactional
    long count() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM document WHERE current_version = TRUE", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void mariadbDump(Path sql) throws IOException, InterruptedException {
        Server s = Server.of(url);
        List<String> cmd = new ArrayList<>(List.of("mariadb-dump", "--single-transaction", "--quick", "--skip-lock-tables",
                "--host=" + s.host(), "--port=" + s.port(), "--user=" + user, "--result-file=" + sql, s.database()));
        run(cmd, password, sql.resolveSibling("mariadb-dump.log"));
    }

    /**
     * Rebuilds a repository from backup {@code dir}: the database (into the empty embedded database under
     * {@code dataDir}, or the empty MariaDB database {@code url}) and the originals (into {@code originalsDir}). The
     * caller then opens the repository and rebuilds its index.
     */
    public static void restore(Path dir, Path dataDir, Path originalsDir, String url, String user, String password)
            throws IOException, InterruptedException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(dir.resolve(MANIFEST))) {
            p.load(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(dir + " không phải bản sao lưu của Vanban (thiếu " + MANIFEST + ")");
        }
        String kind = p.getProperty("database");
        if ("h2".equals(kind)) {
            if (!url.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("bản sao lưu này là của cơ sở dữ liệu nhúng; hãy khôi phục vào cơ sở dữ liệu nhúng");
            }
            Path db = dataDir.resolve("db");
            if (Files.exists(db.resolve("vanban.mv.db"))) {
                throw new IllegalArgumentException("thư mục dữ liệu " + dataDir + " đã có cơ sở dữ liệu: khôi phục vào thư mục trống");
            }
            Files.createDirectories(db);
            try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(dir.resolve("database.zip")))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    Path target = db.resolve(Path.of(e.getName()).getFileName().toString());
                    if (!e.isDirectory()) {
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } else if ("mariadb".equals(kind)) {
            if (url.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("bản sao lưu này là của MariaDB; đặt VANBAN_DB_URL tới một cơ sở dữ liệu MariaDB trống");
            }
            Server s = Server.of(url);
            run(List.of("mariadb", "--host=" + s.host(), "--port=" + s.port(), "--user=" + user, s.database(), "-e",
                    "source " + dir.resolve("database.sql").toAbsolutePath()), password, dataDir.resolve("restore.log"));
        } else {
            throw new IllegalArgumentException("bản sao lưu không rõ loại cơ sở dữ liệu: " + kind);
        }
        copyTree(dir.resolve("originals"), originalsDir);
    }

    /** Host, port and database of a MariaDB JDBC URL (the first host of a list). */
    record Server(String host, int port, String database) {
        static Server of(String jdbcUrl) {
            String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
            String hosts = rest.substring(0, rest.indexOf('/'));
            String first = hosts.split(",")[0];
            String db = rest.substring(rest.indexOf('/') + 1);
            db = db.contains("?") ? db.substring(0, db.indexOf('?')) : db;
            URI u = URI.create("mariadb://" + first);
            return new Server(u.getHost(), u.getPort() < 0 ? 3306 : u.getPort(), db);
        }
    }

    private static void run(List<String> cmd, String password, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MYSQL_PWD", password == null ? "" : password); // not on the command line
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd.get(0) + " thất bại: " + Files.readString(log));
        }
    }

    /** Copies every original {@code blobs} keeps into {@code to}, laid out as a {@link DirectoryBlobStore}; returns how many. */
    private static long copyOriginals(BlobStore blobs, Path to) throws IOException {
        Files.createDirectories(to);
        long n = 0;
        try (Stream<String> s = blobs.list()) {
            for (String sha : (Iterable<String>) s::iterator) {
                Path target = DirectoryBlobStore.layout(to, sha);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Path tmp = Files.createTempFile(target.getParent(), sha, ".tmp");
                    try (var in = blobs.open(sha)) {
                        Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
                n++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n;
    }

    /** Copies every file below {@code from} to the same place below {@code to}; returns how many. */
    private static long copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to);
            return 0;
        }
        long n = 0;
        try (Stream<Path> s = Files.walk(from)) {
            // kept originals only: a file being written has a temporary name until it is whole
            for (Path f : s.filter(Files::isRegularFile).filter(f -> BlobStore.isOriginal(f.getFileName().toString())).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    try {
                        Files.copy(f, target);
                    } catch (java.nio.file.FileAlreadyExistsException ignored) {
                        // the same bytes by the same name
                    }
                }
                n++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n;
    }
}
