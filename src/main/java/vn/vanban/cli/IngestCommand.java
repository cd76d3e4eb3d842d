package vn.vanban.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.vanban.ingest.FolderWatcher;
import vn.vanban.ingest.IndexReconciler;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.BatchIngest;

/** Ingests files and folders (recursively), with a progress bar and a summary. */
@Command(name = "ingest", description = "Ingest files or folders (recursive); prints a summary with the reason of each failure.")
public class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Option(names = "--retry-failed", description = "parse again files that failed before")
    boolean retryFailed;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--threads", description = "parallel workers (default: the number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Inject
    BatchIngest batch;
    @Inject
    IndexReconciler reconciler;

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                files.addAll(FolderWatcher.listFiles(p));
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                System.err.println("lỗi: không tìm thấy tệp hay thư mục " + p);
                return 2;
            }
        }
        reconciler.reconcile();
        // the repository is open (its migrations applied): the batch starts
        System.err.printf("ingest: %d files%n", files.size());
        List<IngestOutcome> outcomes;
        // on a terminal a bar redrawn in place; into a log or a pipe a plain line every few seconds, never the
        // carriage-return frames of a bar
        boolean terminal = System.console() != null;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Ingest").setInitialMax(files.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(terminal ? 250 : 5000).continuousUpdate()
                .setConsumer(quiet ? new me.tongfei.progressbar.DelegatingProgressBarConsumer(s -> { })
                        : terminal ? new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)
                        : new me.tongfei.progressbar.DelegatingProgressBarConsumer(System.err::println))
                .build()) {
            outcomes = batch.run(files, threads, retryFailed, o -> {
                bar.setExtraMessage(o.fileName());
                bar.step();
            });
        }
        Map<IngestOutcome.Status, Integer> counts = new EnumMap<>(IngestOutcome.Status.class);
        List<IngestOutcome> failed = new ArrayList<>();
        for (IngestOutcome o : outcomes) {
            counts.merge(o.status(), 1, Integer::sum);
            if (o.status() == IngestOutcome.Status.FAILED) {
                failed.add(o);
            }
        }
        System.out.printf("đã thêm %d, đã có %d, phiên bản mới %d, không nạp được %d%n",
                counts.getOrDefault(IngestOutcome.Status.ADDED, 0), counts.getOrDefault(IngestOutcome.Status.UNCHANGED, 0),
                counts.getOrDefault(IngestOutcome.Status.NEW_VERSION, 0), failed.size());
        for (IngestOutcome o : failed) {
            System.out.printf("  KHÔNG NẠP ĐƯỢC %s: %s%n", o.source(),
                    vn.vanban.ingest.FailureReasons.of(o));
        }
        return failed.isEmpty() ? 0 : 1;
    }
}
