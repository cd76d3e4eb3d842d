package vn.vanban.hardening;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kills a real {@code vanban serve} process with SIGKILL at random moments while it ingests a drop folder, restarts
 * it each time, then lets the last one finish. The caller then checks the data it left: every file stored once,
 * none twice, the index holding exactly the database's current documents.
 *
 * @param kills          how many times the server was killed mid-ingest
 * @param storedAtKill   documents stored when each kill happened (they grow: every restart resumes)
 * @param finishSeconds  how long the last run took to finish the folder
 * @param stored         documents stored at the end, as the server reported
 */
public record CrashRun(int kills, List<Long> storedAtKill, double finishSeconds, long stored) {

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    /**
     * @param properties Vanban settings of the server (data directory, database), as {@code -D} options
     * @param folder     the drop folder to ingest
     * @param expected   how many documents the folder holds (distinct good files)
     * @param logs       where each server run's output goes
     */
    public static CrashRun run(Map<String, Object> properties, Path folder, long expected, int kills, long seed,
                               Path logs, Duration patience) throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(logs);
        Random random = new Random(seed);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Long> atKill = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            int port = freePort();
            Process p = serve(properties, folder, port, logs.resolve("run-" + k + ".log"));
            try {
                waitUp(http, port, p, patience);
                // a random moment of the ingest: after 0.2–2.5 s, or once a random share of what is left is stored
                long before = stored(http, port);
                long target = before + 1 + random.nextInt((int) Math.max(1, (expected - before) / Math.max(1, kills - k)));
                long until = System.nanoTime() + (200 + random.nextInt(2300)) * 1_000_000L;
                while (System.nanoTime() < until && stored(http, port) < target) {
                    Thread.sleep(20);
                }
                atKill.add(stored(http, port));
            } finally {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no index commit, maybe mid-transaction
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        int port = freePort();
        long t0 = System.nanoTime();
        Process p = serve(properties, folder, port, logs.resolve("final.log"));
        long stored;
        try {
            waitUp(http, port, p, patience);
            long deadline = System.nanoTime() + patience.toNanos();
            while ((stored = stored(http, port)) < expected && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(100);
            }
        } finally {
            p.destroy(); // SIGTERM: the server stops as an operator would stop it
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return new CrashRun(kills, atKill, (System.nanoTime() - t0) / 1e9, stored);
    }

    private static Process serve(Map<String, Object> properties, Path folder, int port, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-Dvanban.ingest-dir=" + folder);
        cmd.add("-Dvanban.watch=true");
        cmd.add("-Dvanban.parse.ocr-enabled=false");
        cmd.add("-Dmicronaut.server.port=" + port);
        cmd.add("vn.vanban.Vanban");
        cmd.add("serve");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitUp(HttpClient http, int port, Process p, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited with status " + p.exitValue());
            }
            if (stored(http, port) >= 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not come up within " + patience.toSeconds() + " s");
    }

    /** Documents the server says it holds, or -1 when it does not answer. */
    static long stored(HttpClient http, int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents?size=1"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = TOTAL.matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The figures as lines of a report. */
    public List<String> report() {
        return List.of(String.format("crashes: server killed with SIGKILL %d times mid-ingest (documents stored at each kill: %s); "
                + "the last run finished in %.1f s with %d documents", kills, storedAtKill, finishSeconds, stored));
    }
}
