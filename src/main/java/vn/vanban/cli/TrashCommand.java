package vn.vanban.cli;

import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.correction.Deletions;
import vn.vanban.correction.Trash;
import vn.vanban.ingest.IngestOutcome;

/** Lists the trash, or restores a deleted document from it. */
@Command(name = "trash", description = "The trash: list the deleted documents still restorable, or restore one (--restore ID)")
public class TrashCommand implements Callable<Integer> {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Option(names = "--restore", paramLabel = "ID", description = "restore the deleted document ID (its id before deletion)")
    Long restore;

    @Inject
    Trash trash;

    @Inject
    Deletions deletions;

    @Override
    public Integer call() {
        if (restore != null) {
            IngestOutcome o = deletions.restore(restore, "cli:" + System.getProperty("user.name", "?"), null);
            System.out.println("đã khôi phục văn bản " + restore + " thành văn bản " + o.id());
            return 0;
        }
        List<Trash.Entry> entries = trash.entries();
        if (entries.isEmpty()) {
            System.out.println("thùng rác trống");
        }
        for (Trash.Entry e : entries) {
            System.out.printf("%d\t%s\txóa %s bởi %s\t%s%n", e.documentId(), e.title() == null ? e.fileName() : e.title(),
                    AT.format(e.deletedAt()), e.deletedBy(), e.restoredId() != null ? "đã khôi phục thành " + e.restoredId()
                            : "khôi phục được đến " + AT.format(e.restorableUntil()));
        }
        return 0;
    }
}
