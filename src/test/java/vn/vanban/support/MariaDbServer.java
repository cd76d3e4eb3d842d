package vn.vanban.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MariaDB server for the tests, started once per JVM on a free loopback port in a temporary directory
 * (mariadb-install-db + mariadbd from the Debian packages that .ci/run installs), or the server named by
 * VANBAN_TEST_MARIADB_URL (e.g. {@code jdbc:mariadb://127.0.0.1:3307/}, user VANBAN_TEST_MARIADB_USER). Each call
 * of {@link #newDatabase()} gives an empty database. There is no fallback: without a server the tests fail, saying
 * what to install.
 */
public final class MariaDbServer {

    private static final String USER = "vanban";
    private static final String PASSWORD = "vanban";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MariaDbServer instance;

    private final String baseUrl;
    private final String user;
    private final String password;
    private Process process;
    /** How to start this server again on the same data (null for an external one). */
    private final List<String> command;
    private final Path dir;

    private MariaDbServer(String baseUrl, String user, String password, Process process, List<String> command, Path dir) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.process = process;
        this.command = command;
        this.dir = dir;
    }

    /** A server of one's own (to restart, say), stopped and deleted when the JVM exits. */
    public static MariaDbServer startPrivate() {
        return start(false);
    }

    /**
     * Stops the server as an operator restarting it would (SIGTERM, or SIGKILL when {@code crash}), keeps it down for
     * {@code down}, and starts it again on the same data and port.
     */
    public synchronized void restart(java.time.Duration down, boolean crash) throws IOException, InterruptedException {
        if (command == null) {
            throw new IllegalStateException("an external server cannot be restarted by the tests");
        }
        if (crash) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        process.waitFor(60, TimeUnit.SECONDS);
        Files.deleteIfExists(dir.resolve("mysqld.sock"));
        Thread.sleep(down.toMillis());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        waitForSocket(process, dir.resolve("mysqld.sock"), dir);
    }

    /** The shared server. */
    public static synchronized MariaDbServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase() {
        String name = "vanban_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + baseUrl, e);
        }
        return baseUrl + name;
    }

    private static MariaDbServer start() {
        return start(true);
    }

    private static MariaDbServer start(boolean mayUseExternal) {
        String external = System.getenv("VANBAN_TEST_MARIADB_URL");
        if (mayUseExternal && external != null && !external.isBlank()) {
            String base = external.endsWith("/") ? external : external + "/";
            return new MariaDbServer(base, env("VANBAN_TEST_MARIADB_USER", USER), env("VANBAN_TEST_MARIADB_PASSWORD", PASSWORD), null, null, null);
        }
        Path mariadbd = find("mariadbd", "/usr/sbin/mariadbd", "/usr/bin/mariadbd");
        Path installDb = find("mariadb-install-db", "/usr/bin/mariadb-install-db", "/usr/sbin/mariadb-install-db");
        if (mariadbd == null || installDb == null) {
            throw new IllegalStateException("the MariaDB tests need a MariaDB server: install the Debian packages "
                    + "mariadb-server and mariadb-client (apt-get install mariadb-server mariadb-client), "
                    + "or set VANBAN_TEST_MARIADB_URL to a server where user 'vanban' may create databases");
        }
        try {
            Path dir = Files.createTempDirectory("vanban-mariadb");
            Path data = Files.createDirectories(dir.resolve("data"));
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            Path socket = dir.resolve("mysqld.sock");
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                    "--datadir=" + data, "--auth-root-authentication-method=socket", "--skip-test-db"));
            if (root) {
                install.add("--user=root");
            }
            run(install, dir.resolve("install.log"), 120);
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + data,
                    "--tmpdir=" + tmp, "--socket=" + socket, "--port=" + port, "--bind-address=127.0.0.1",
                    "--skip-name-resolve", "--pid-file=" + dir.resolve("mysqld.pid"),
                    "--log-error=" + dir.resolve("error.log"), "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=128M",
                    "--innodb-flush-log-at-trx-commit=2"));
            if (root) {
                cmd.add("--user=root");
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile()).start();
            MariaDbServer[] self = new MariaDbServer[1];
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Process current = self[0] == null ? p : self[0].process;
                current.destroy();
                try {
                    current.waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                current.destroyForcibly();
                org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile()); // a leftover temporary directory is harmless
            }));
            waitForSocket(p, socket, dir);
            run(List.of("mariadb", "--no-defaults", "--socket=" + socket, "-uroot", "-e",
                    "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'; "
                            + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%'; FLUSH PRIVILEGES;"),
                    dir.resolve("grant.log"), 60);
            self[0] = new MariaDbServer("jdbc:mariadb://127.0.0.1:" + port + "/", USER, PASSWORD, p, cmd, dir);
            return self[0];
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a MariaDB server for the tests", e);
        }
    }

    private static void waitForSocket(Process p, Path socket, Path dir) throws IOException {
        for (int i = 0; i < 240; i++) {
            if (Files.exists(socket)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("mariadbd exited: " + Files.readString(dir.resolve("error.log")));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("mariadbd did not start within 60 s; see " + dir.resolve("error.log"));
    }

    private static void run(List<String> cmd, Path log, int seconds) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd.subList(0, 1)) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path find(String name, String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
