package vn.vanban.hardening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.ingest.IngestOutcome;

/**
 * Feeds generated hostile files, good ones mixed in, through the real batch ingest and checks each outcome against
 * what the file called for.
 *
 * @param files       files fed
 * @param ingested    files stored (added, or the same bytes already held)
 * @param failed      files refused with a recorded reason
 * @param seconds     wall time of the ingest
 * @param byKind      per kind: "ingested/failed"
 * @param violations  files whose outcome broke the rules (a good file refused, a bad one stored, a failure with no
 *                    reason), each with why; empty when the run passed
 * @param outcomes    every file's outcome, in the order fed
 * @param reasons     per kind of file, one example of the reason recorded for refusing it
 */
public record HostileRun(int files, int ingested, int failed, double seconds, Map<String, String> byKind,
                         List<String> violations, Map<String, String> reasons, List<IngestOutcome> outcomes) {

    /** Generates {@code count} files into {@code dir} from {@code generator} and ingests them with {@code threads}. */
    public static HostileRun run(HostileFiles generator, BatchIngest batch, Path dir, int count, long seed, int threads)
            throws java.io.IOException {
        List<HostileFiles.Case> cases = generator.write(dir, count, seed);
        long t0 = System.nanoTime();
        List<IngestOutcome> outcomes = batch.run(cases.stream().map(HostileFiles.Case::path).toList(), threads, false, o -> { });
        double seconds = (System.nanoTime() - t0) / 1e9;
        int ingested = 0;
        int failed = 0;
        Map<String, int[]> kinds = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        Map<String, String> reasons = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            HostileFiles.Case c = cases.get(i);
            IngestOutcome o = outcomes.get(i);
            boolean stored = o.status() != IngestOutcome.Status.FAILED;
            int[] k = kinds.computeIfAbsent(c.kind(), x -> new int[2]);
            if (stored) {
                ingested++;
                k[0]++;
            } else {
                failed++;
                k[1]++;
                reasons.putIfAbsent(c.kind(), o.failureKind() + ": " + o.reason());
                if (o.reason() == null || o.reason().isBlank()) {
                    violations.add(c.path().getFileName() + ": refused without a reason");
                }
            }
            if (c.expect() == HostileFiles.Expect.INGEST && !stored) {
                violations.add(c.path().getFileName() + " (" + c.kind() + ") should have been stored: " + o.failureKind() + " " + o.reason());
            } else if (c.expect() == HostileFiles.Expect.FAIL && stored) {
                violations.add(c.path().getFileName() + " (" + c.kind() + ") should have been refused");
            }
        }
        Map<String, String> byKind = new TreeMap<>();
        kinds.forEach((kind, n) -> byKind.put(kind, n[0] + "/" + n[1]));
        return new HostileRun(cases.size(), ingested, failed, seconds, byKind, violations, reasons, outcomes);
    }

    /** The figures as lines of a report. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("hostile files: %d fed in %.1f s: %d stored, %d refused with a reason, %d rule violations",
                files, seconds, ingested, failed, violations.size()));
        byKind.forEach((kind, v) -> lines.add(String.format("  %-18s stored/refused %s", kind, v)));
        reasons.forEach((kind, why) -> lines.add(String.format("  e.g. %-18s %s", kind, why.length() > 150 ? why.substring(0, 150) + "…" : why)));
        violations.stream().limit(20).forEach(v -> lines.add("  VIOLATION " + v));
        return lines;
    }
}
