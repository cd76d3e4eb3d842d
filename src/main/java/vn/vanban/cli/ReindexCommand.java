package vn.vanban.cli;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import vn.vanban.ingest.IndexReconciler;
import vn.vanban.store.DocumentRepository;

/** Rebuilds the Lucene index from the database. */
@Command(name = "reindex", description = "Rebuild the index from the database (the database is the truth); --extract re-extracts first.")
public class ReindexCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--extract", description = "first run normalization and extraction again on every document (after the rules improved)")
    boolean extract;

    @Inject
    vn.vanban.correction.Reextractor reextractor;
    @Inject
    IndexReconciler reconciler;
    @Inject
    DocumentRepository documents;

    @Override
    public Integer call() {
        if (extract) {
            try (ProgressBar bar = new ProgressBar("Extract", documents.count())) {
                int n = reextractor.all(id -> bar.step());
                System.out.printf("đã trích xuất lại %d văn bản%n", n);
            }
        }
        long total = documents.countByCurrentVersion(true);
        int n;
        try (ProgressBar bar = new ProgressBar("Reindex", total)) {
            n = reconciler.rebuild(id -> bar.step());
        }
        System.out.printf("đã lập chỉ mục lại %d văn bản%n", n);
        return 0;
    }
}
