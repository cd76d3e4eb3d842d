package vn.vanban.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud for tests and benchmarks: Solr's MiniSolrCloudCluster (N Jetty nodes, an embedded ZooKeeper) in a
 * JVM of its own, so that Solr's Lucene 9 never meets Vanban's Lucene 10 on one class path. The class path is
 * {@code src/test/solr/pom.xml}'s, resolved by Maven once into {@code target/solr-cloud.classpath}; the program is
 * {@code src/test/solr/SolrCloudMain.java}, run from source. Nodes can be stopped and started again.
 */
public final class SolrCloudProcess implements AutoCloseable {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final List<String> nodeUrls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Path log;
    private volatile String zk;

    private SolrCloudProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts {@code nodes} Solr nodes under {@code dir} and waits until they are up. */
    public static SolrCloudProcess start(Path dir, int nodes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve("solr.log");
        List<String> cmd = List.of(solrJava(), "-Xmx512m", "-Djava.awt.headless=true",
                "-Dsolr.log.dir=" + dir.resolve("logs"), "-cp", classPath(),
                PROJECT.resolve("src/test/solr/SolrCloudMain.java").toString(), dir.resolve("cluster").toString(),
                Integer.toString(nodes));
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        SolrCloudProcess s = new SolrCloudProcess(p, log);
        Runtime.getRuntime().addShutdownHook(new Thread(s::kill));
        // read until "ready" on a thread of its own, so a cluster that never comes up ends the wait (a read from the
        // pipe would block past any interrupt)
        java.util.concurrent.CompletableFuture<Void> up = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                for (String line; (line = s.out.readLine()) != null && !line.equals("ready"); ) {
                    if (line.startsWith("zk ")) {
                        s.zk = line.substring(3);
                    } else if (line.startsWith("node ")) {
                        s.nodeUrls.add(line.split(" ")[2]);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            up.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            s.kill();
            throw new IOException("SolrCloud did not start within 5 minutes (" + e + "); see " + log + ":\n" + tail(log));
        }
        if (s.nodeUrls.size() != nodes) {
            s.kill();
            throw new IOException("SolrCloud did not start (" + s.nodeUrls.size() + " of " + nodes + " nodes); see " + log
                    + ":\n" + tail(log));
        }
        return s;
    }

    /** Base URLs of the nodes ({@code http://127.0.0.1:PORT/solr}), in node order. */
    public List<String> nodeUrls() {
        return List.copyOf(nodeUrls);
    }

    /** ZooKeeper's address with the cluster's chroot. */
    public String zkAddress() {
        return zk;
    }

    /** Stops node {@code i} (its Jetty goes away; the others and ZooKeeper stay). */
    public void stopNode(int i) throws IOException {
        command("stop " + i, "stopped " + i);
    }

    private void command(String command, String expect) throws IOException {
        in.write(command + "\n");
        in.flush();
        String line = out.readLine();
        if (line == null || !line.startsWith(expect)) {
            throw new IOException("SolrCloud answered \"" + line + "\" to \"" + command + "\"; see " + log);
        }
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
            in.close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException | InterruptedException e) {
            kill();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The class path of Solr and its test framework, asked of Maven once. */
    static synchronized String classPath() throws IOException, InterruptedException {
        Path file = PROJECT.resolve("target/solr-cloud.classpath");
        Path pom = PROJECT.resolve("src/test/solr/pom.xml");
        if (!Files.exists(file) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) < 0) {
            Path mvnLog = PROJECT.resolve("target/solr-cloud-classpath.log");
            Process mvn = new ProcessBuilder(PROJECT.resolve("mvnw").toString(), "-q", "-B", "-f", pom.toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + file)
                    .redirectErrorStream(true).redirectOutput(mvnLog.toFile()).start();
            if (!mvn.waitFor(15, TimeUnit.MINUTES) || mvn.exitValue() != 0 || !Files.exists(file)) {
                mvn.destroyForcibly();
                throw new IOException("Maven could not resolve Solr's class path; see " + mvnLog + ":\n" + tail(mvnLog));
            }
        }
        return Files.readString(file).strip();
    }

    /**
     * The java to run Solr 9 with: {@code SOLR_JAVA} if set, else a JDK 17 or 21 of the machine (Solr 9's own), else
     * the running one.
     */
    static String solrJava() {
        String env = System.getenv("SOLR_JAVA");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String jdk : List.of("java-17-openjdk-amd64", "temurin-17-jdk-amd64", "java-21-openjdk-amd64", "temurin-21-jdk-amd64")) {
            Path java = Path.of("/usr/lib/jvm", jdk, "bin", "java");
            if (Files.isExecutable(java)) {
                return java.toString();
            }
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
