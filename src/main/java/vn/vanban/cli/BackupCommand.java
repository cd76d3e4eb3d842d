package vn.vanban.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.vanban.store.Backups;

/** A consistent copy of the repository while it runs: the database by its own online backup, then the originals. */
@Command(name = "backup", description = "Back up the repository (database and originals) into an empty folder, while it runs: vanban backup DIR")
public class BackupCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "an empty folder (created) to write the backup into")
    Path dir;

    @Inject
    Backups backups;

    @Override
    public Integer call() throws Exception {
        Backups.Summary s = backups.backup(dir);
        System.out.printf("đã sao lưu vào %s: cơ sở dữ liệu %s, %d văn bản, %d tệp gốc%n", dir, s.database(), s.documents(),
                s.originals());
        return 0;
    }
}
