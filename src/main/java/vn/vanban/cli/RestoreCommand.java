package vn.vanban.cli;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.vanban.config.Contexts;
import vn.vanban.ingest.IndexReconciler;
import vn.vanban.store.Backups;

/**
 * Rebuilds a repository from a backup on an empty machine: the database into the empty embedded database of the data
 * directory (or the empty MariaDB database of VANBAN_DB_URL), the originals into their directory, then the index from
 * the database.
 */
@Command(name = "restore", description = "Rebuild a repository from a backup into an empty data directory (or empty "
        + "MariaDB database): vanban restore DIR")
public class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a folder written by vanban backup")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path dataDir = Path.of(System.getProperty("vanban.data-dir", env("VANBAN_DATA_DIR", "index")));
        String url = System.getProperty("datasources.default.url", env("VANBAN_DB_URL", Contexts.embeddedUrl(dataDir)));
        String user = env("VANBAN_DB_USER", url.startsWith("jdbc:h2:") ? "sa" : "vanban");
        String password = env("VANBAN_DB_PASSWORD", "");
        Path originals = Path.of(System.getProperty("vanban.originals-dir", env("VANBAN_ORIGINALS_DIR",
                dataDir.resolve("originals").toString())));
        Backups.restore(dir, dataDir, originals, url, user, password);
        try (ApplicationContext ctx = Contexts.builder(true, Map.of("vanban.watch", false)).start()) {
            int n = ctx.getBean(IndexReconciler.class).rebuild(id -> { });
            System.out.printf("đã khôi phục từ %s: %d văn bản, chỉ mục lập lại từ cơ sở dữ liệu%n", dir, n);
        }
        return 0;
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
