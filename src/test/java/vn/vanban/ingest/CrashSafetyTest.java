package vn.vanban.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanban.index.DocumentIndex;
import vn.vanban.store.BlobStore;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.FailureRepository;
import vn.vanban.hardening.HostileFiles;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * Kills a real `vanban ingest` child process with SIGKILL in the middle of a batch, several times, then lets it
 * finish: nothing is lost, nothing is duplicated, and the index holds exactly the database's current documents.
 */
@org.junit.jupiter.api.Tag("slow")
class CrashSafetyTest {

    @ParameterizedTest
    @EnumSource(Databases.class)
    void killMidBatchLosesAndDuplicatesNothing(Databases db, @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        Path batch = Files.createDirectories(work.resolve("batch"));
        Set<String> expectedShas = new HashSet<>();
        int n = 0;
        for (String folder : List.of("dev-office/docx", "dev-office/odt", "dev-office/rtf", "dev-office/doc",
                "dev-office/html", "dev-office/pdf", "gazette", "office-real/vbpl")) {
            for (Path p : Fixtures.files(folder)) {
                Path copy = batch.resolve(String.format("%03d-%s", n++, p.getFileName()));
                Files.copy(p, copy);
                expectedShas.add(BlobStore.sha256(Files.readAllBytes(copy)));
            }
        }
        Files.write(batch.resolve("zz-broken.docx"), HostileFiles.truncated(Fixtures.bytes("dev-office/docx/000_dfb5246ff8e502db.docx"), 0.4));
        String brokenSha = BlobStore.sha256(Files.readAllBytes(batch.resolve("zz-broken.docx")));

        Map<String, Object> props = new HashMap<>(db.properties(work.resolve("data")));
        Random random = new Random(20261122);
        int killed = 0;
        for (int round = 0; round < 3; round++) {
            Path roundLog = work.resolve("round" + round + ".log");
            Process p = ingestProcess(props, batch, roundLog);
            // killed mid-batch, not mid-start: wait for the batch to begin (the repository open, its migrations
            // applied), then kill at a random point within it
            long patience = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (p.isAlive() && !Files.readString(roundLog).contains("ingest: ") && System.nanoTime() < patience) {
                Thread.sleep(50);
            }
            Thread.sleep(500 + random.nextInt(2500));
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no index commit
                p.waitFor(30, TimeUnit.SECONDS);
                killed++;
            }
        }
        assertTrue(killed >= 2, "the batch was killed mid-way at least twice (" + killed + ")");
        Process last = ingestProcess(props, batch, work.resolve("final.log"));
        assertTrue(last.waitFor(10, TimeUnit.MINUTES), "the final run finishes");
        String log = Files.readString(work.resolve("final.log"));
        assertEquals(1, last.exitValue(), "exit 1: the broken file failed\n" + log);

        props.put("vanban.watch", false);
        try (TestApp app = TestApp.reopen(props)) {
            DocumentRepository docs = app.bean(DocumentRepository.class);
            Set<String> stored = new HashSet<>();
            List<Long> ids = new ArrayList<>();
            docs.findAll().forEach(d -> {
                stored.add(d.sha256());
                ids.add(d.id());
            });
            Set<String> expected = new HashSet<>(expectedShas);
            assertEquals(expected.size(), stored.size(), "every good file stored once");
            assertEquals(expected, stored);
            assertEquals(ids.size(), new HashSet<>(ids).size());
            assertTrue(app.bean(FailureRepository.class).findBySha256(brokenSha).isPresent(), "the broken file is recorded");
            DocumentIndex index = app.bean(DocumentIndex.class);
            assertEquals(new HashSet<>(docs.findCurrentIds()), index.ids(), "index and database agree");
        }
    }

    private static Process ingestProcess(Map<String, Object> props, Path batch, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-Dvanban.parse.ocr-enabled=false");
        cmd.add("vn.vanban.Vanban");
        cmd.add("ingest");
        cmd.add("--quiet");
        cmd.add(batch.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
