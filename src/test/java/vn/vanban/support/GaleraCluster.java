package vn.vanban.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A MariaDB Galera cluster of three nodes on loopback ports, for the tests: Debian's {@code mariadb-server} and
 * {@code galera-4} (installed by .ci/run), state transfers by rsync. The first node bootstraps the cluster, the others
 * join it by state transfer. Run as root, the nodes run as the {@code mysql} user (the rsync daemon of a state transfer
 * would otherwise write as {@code nobody}). Stopped and deleted when closed or when the JVM exits.
 */
public final class GaleraCluster implements AutoCloseable {

    private static final String USER = "vanban";
    private static final String PASSWORD = "vanban";
    private static final String PROVIDER = "/usr/lib/galera/libgalera_smm.so";

    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();

    /** One node: its process, ports and directory. */
    public static final class Node {
        final int index;
        final int port;
        final int gcommPort;
        final int istPort;
        final int sstPort;
        final Path dir;
        Process process;

        Node(int index, Path dir) throws IOException {
            this.index = index;
            this.dir = dir;
            this.port = freePort();
            this.gcommPort = freePort();
            this.istPort = freePort();
            this.sstPort = freePort();
        }

        public int port() {
            return port;
        }

        public boolean alive() {
            return process != null && process.isAlive();
        }
    }

    private GaleraCluster(Path dir) {
        this.dir = dir;
    }

    /** Starts three nodes and makes user {@code vanban} everywhere (replicated). */
    public static GaleraCluster start() throws IOException, InterruptedException {
        if (!Files.exists(Path.of(PROVIDER))) {
            throw new IllegalStateException("the Galera tests need the Debian package galera-4 (" + PROVIDER + " is missing): "
                    + "apt-get install galera-4 rsync, as .ci/run does");
        }
        Path dir = Files.createTempDirectory("vanban-galera");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        GaleraCluster c = new GaleraCluster(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(c::close));
        for (int i = 1; i <= 3; i++) {
            c.nodes.add(new Node(i, Files.createDirectories(dir.resolve("n" + i))));
        }
        for (Node n : c.nodes) {
            c.install(n);
        }
        c.launch(c.nodes.get(0), true);
        c.sql(c.nodes.get(0), "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'; GRANT ALL PRIVILEGES ON *.* TO '"
                + USER + "'@'%';");
        // one joiner at a time: each takes its state from a synced donor
        c.launch(c.nodes.get(1), false);
        c.launch(c.nodes.get(2), false);
        c.awaitSize(3);
        return c;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** A JDBC URL over the live nodes, first to last ({@code sequential}: another node when one is lost), for {@code database}. */
    public String url(String database) {
        return "jdbc:mariadb:sequential://" + nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(","))
                + "/" + database;
    }

    /** A JDBC URL to one node only. */
    public String url(Node n, String database) {
        return "jdbc:mariadb://127.0.0.1:" + n.port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Creates an empty database (replicated to every node), through the first live node. */
    public void createDatabase(String name) throws SQLException {
        Node live = nodes.stream().filter(Node::alive).findFirst().orElseThrow();
        try (Connection c = DriverManager.getConnection(url(live, ""), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** Kills node {@code n} outright (SIGKILL), as a crashed machine. */
    public void kill(Node n) throws InterruptedException {
        n.process.destroyForcibly();
        n.process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The value of status variable {@code name} on {@code n}. */
    public String status(Node n, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(n, ""), USER, PASSWORD); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW STATUS LIKE '" + name + "'")) {
            return r.next() ? r.getString(2) : null;
        }
    }

    private void awaitSize(int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (String.valueOf(size).equals(status(nodes.stream().filter(Node::alive).findFirst().orElseThrow(),
                        "wsrep_cluster_size"))) {
                    return;
                }
            } catch (SQLException e) {
                // not ready yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the Galera cluster did not reach " + size + " nodes in 120 s; see " + dir);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void install(Node n) throws IOException, InterruptedException {
        Path data = Files.createDirectories(n.dir.resolve("data"));
        Files.createDirectories(n.dir.resolve("tmp"));
        if (root()) {
            run(List.of("chown", "-R", "mysql:mysql", n.dir.toString()), n.dir.resolve("chown.log"));
        }
        List<String> cmd = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=socket", "--skip-test-db"));
        if (root()) {
            cmd.add("--user=mysql");
        }
        run(cmd, n.dir.resolve("install.log"));
    }

    private void launch(Node n, boolean bootstrap) throws IOException, InterruptedException {
        String members = nodes.stream().map(m -> "127.0.0.1:" + m.gcommPort).collect(Collectors.joining(","));
        List<String> cmd = new ArrayList<>(List.of("mariadbd", "--no-defaults", "--datadir=" + n.dir.resolve("data"),
                "--tmpdir=" + n.dir.resolve("tmp"), "--socket=" + n.dir.resolve("sock"), "--port=" + n.port,
                "--bind-address=127.0.0.1", "--skip-name-resolve", "--pid-file=" + n.dir.resolve("pid"),
                "--log-error=" + n.dir.resolve("error.log"), "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=2",
                "--binlog-format=ROW", "--default-storage-engine=InnoDB", "--innodb-autoinc-lock-mode=2",
                "--wsrep-on=ON", "--wsrep-provider=" + PROVIDER, "--wsrep-cluster-name=vanban-test",
                "--wsrep-cluster-address=gcomm://" + members, "--wsrep-node-name=n" + n.index,
                "--wsrep-node-address=127.0.0.1:" + n.gcommPort,
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + n.gcommPort + ";ist.recv_addr=127.0.0.1:"
                        + n.istPort + ";gcache.size=64M",
                "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + n.sstPort));
        if (bootstrap) {
            cmd.add("--wsrep-new-cluster");
        }
        if (root()) {
            cmd.add("--user=mysql");
        }
        n.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(n.dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!n.process.isAlive()) {
                throw new IllegalStateException("Galera node " + n.index + " exited: " + tail(n.dir.resolve("error.log")));
            }
            if (Files.exists(n.dir.resolve("sock")) && synced(n)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Galera node " + n.index + " did not join in 180 s: " + tail(n.dir.resolve("error.log")));
    }

    private boolean synced(Node n) {
        // root over the socket: user vanban exists only once the first node made it (and a joiner got it)
        try {
            Process p = new ProcessBuilder("mariadb", "--no-defaults", "--socket=" + n.dir.resolve("sock"), "-uroot", "-N", "-e",
                    "SHOW STATUS LIKE 'wsrep_local_state_comment'").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(30, TimeUnit.SECONDS) && out.contains("Synced");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void sql(Node n, String statements) throws IOException, InterruptedException {
        run(List.of("mariadb", "--no-defaults", "--socket=" + n.dir.resolve("sock"), "-uroot", "-e", statements),
                n.dir.resolve("sql.log"));
    }

    private static void run(List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd.get(0) + " failed: " + Files.readString(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        for (Node n : nodes) {
            if (n.process != null && n.process.isAlive()) {
                n.process.destroy();
            }
        }
        for (Node n : nodes) {
            if (n.process != null) {
                try {
                    if (!n.process.waitFor(30, TimeUnit.SECONDS)) {
                        n.process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    n.process.destroyForcibly();
                }
            }
        }
        org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile()); // a leftover temporary directory is harmless
    }
}
