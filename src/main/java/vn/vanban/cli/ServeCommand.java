package vn.vanban.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import vn.vanban.config.VanbanConfig;
import vn.vanban.ingest.FolderWatcher;
import vn.vanban.ingest.IndexReconciler;

/** Serves the web UI and API, and watches the drop folder. Runs until stopped. */
@Command(name = "serve", description = "Serve the API (port 8080 by default) and watch the drop folder.")
public class ServeCommand implements Callable<Integer> {

    @Inject
    ApplicationContext context;
    @Inject
    VanbanConfig config;
    @Inject
    IndexReconciler reconciler;
    @Inject
    FolderWatcher watcher;

    @Override
    public Integer call() throws Exception {
        IndexReconciler.Result r = reconciler.reconcile();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        System.err.println("Vanban is serving " + server.getURL() + " (data in " + config.dataDir().toAbsolutePath()
                + "; index reconciled: " + r.added() + " added, " + r.removed() + " removed)");
        if (config.watch()) {
            watcher.start();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                watcher.close();
                server.stop();
            } catch (Exception ignored) {
                // shutting down anyway
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
        return 0;
    }
}
