package vn.vanban.hardening;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.auth.Role;
import vn.vanban.auth.Users;
import vn.vanban.bench.BenchCommand;
import vn.vanban.bench.GenerateCommand;
import vn.vanban.extract.DocumentTypes;
import vn.vanban.extract.MetadataExtractor;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.ingest.IngestService;
import vn.vanban.normalize.TextNormalizer;
import vn.vanban.store.BlobStore;

/**
 * The hardening report: hostile files, crashes and load, each on a fresh repository in a work folder, with the
 * figures printed. Exit status 1 when any rule was broken.
 */
@Command(name = "hardening", description = "Feed hostile files, kill the server mid-ingest, load it; print the figures.")
public class HardeningCommand implements Callable<Integer> {

    @Option(names = "--from", description = "folder of real .txt documents to make good files from (repeatable; default: ingest)")
    List<Path> sources = List.of(Path.of("ingest"));

    @Option(names = "--work", description = "work folder (default: a temporary one, deleted afterwards)")
    Path work;

    @Option(names = "--hostile", defaultValue = "1000", description = "hostile and good files to feed (default 1000; 0 skips)")
    int hostile;

    @Option(names = "--crashes", defaultValue = "10", description = "SIGKILLs during a 1,000-document ingest (default 10; 0 skips)")
    int crashes;

    @Option(names = "--load-seconds", defaultValue = "60", description = "seconds of 16 searching + 4 uploading clients (default 60; 0 skips)")
    int loadSeconds;

    @Override
    public Integer call() throws Exception {
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("vanban-hardening") : Files.createDirectories(work);
        List<String> report = new ArrayList<>();
        boolean ok = true;
        try {
            List<String> texts = new ArrayList<>();
            for (Path s : sources) {
                try (Stream<Path> w = Files.walk(s)) {
                    for (Path p : w.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                        texts.add(Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            }
            if (texts.isEmpty()) {
                System.err.println("error: no .txt documents in " + sources);
                return 2;
            }
            if (hostile > 0) {
                System.err.println("feeding " + hostile + " hostile and good files …");
                try (ApplicationContext ctx = BenchCommand.context(dir.resolve("hostile-data"))) {
                    byte[] zip = HostileFiles.docx(texts.get(0));
                    HostileRun run = HostileRun.run(new HostileFiles(texts, zip, 200L << 20), ctx.getBean(BatchIngest.class),
                            dir.resolve("hostile-files"), hostile, 7, Runtime.getRuntime().availableProcessors());
                    report.addAll(run.report());
                    ok &= run.violations().isEmpty();
                }
            }
            if (crashes > 0) {
                System.err.println("killing the server " + crashes + " times during a 1,000-document ingest …");
                Path folder = dir.resolve("crash-ingest");
                GenerateCommand.of(sources, folder, 1000, 11, new TextNormalizer(), new MetadataExtractor(new DocumentTypes())).call();
                Set<String> expected = new HashSet<>();
                try (Stream<Path> w = Files.walk(folder)) {
                    for (Path p : w.filter(Files::isRegularFile).toList()) {
                        expected.add(BlobStore.sha256(Files.readAllBytes(p)));
                    }
                }
                Path data = dir.resolve("crash-data");
                CrashRun run = CrashRun.run(BenchCommand.embedded(data), folder, expected.size(), crashes, 20261122, dir.resolve("crash-logs"), Duration.ofMinutes(10));
                report.addAll(run.report());
                try (ApplicationContext ctx = BenchCommand.context(data)) {
                    List<String> problems = Integrity.check(ctx, expected);
                    report.add("  after the crashes: " + (problems.isEmpty() ? "every document stored once, none lost, index = database" : String.join("; ", problems)));
                    ok &= problems.isEmpty() && run.stored() == expected.size();
                }
            }
            if (loadSeconds > 0) {
                System.err.println("loading the server for " + loadSeconds + " s …");
                Path uploads = dir.resolve("load-uploads");
                GenerateCommand.of(sources, uploads, 120 * loadSeconds, 21, new TextNormalizer(), new MetadataExtractor(new DocumentTypes())).call();
                List<Path> files;
                try (Stream<Path> w = Files.walk(uploads)) {
                    files = w.filter(Files::isRegularFile).sorted().toList();
                }
                try (ApplicationContext ctx = BenchCommand.context(dir.resolve("load-data"), Map.of("micronaut.server.port", -1))) {
                    IngestService ingest = ctx.getBean(IngestService.class);
                    for (Path s : sources) {
                        try (Stream<Path> w = Files.walk(s)) {
                            w.filter(Files::isRegularFile).sorted().forEach(p -> ingest.ingestFile(p, false));
                        }
                    }
                    var server = ctx.getBean(io.micronaut.runtime.server.EmbeddedServer.class);
                    server.start();
                    Users users = ctx.getBean(Users.class);
                    users.create("hardening", "load-editor", "hardening-" + System.nanoTime(), Role.EDITOR);
                    String token = users.createToken("hardening", "load-editor", "load");
                    LoadRun run = LoadRun.run("http://localhost:" + server.getPort(), token, files, 16, 4, Duration.ofSeconds(loadSeconds));
                    server.stop();
                    report.addAll(run.report());
                    ok &= run.errorCount() == 0;
                }
            }
        } finally {
            if (temporary) {
                org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile());
            }
        }
        report.forEach(System.out::println);
        System.out.println(ok ? "hardening: all rules held" : "hardening: RULES BROKEN (see above)");
        return ok ? 0 : 1;
    }
}
