package vn.vanban.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;

/**
 * Top-level settings ({@code vanban.*}; environment variables VANBAN_DATA_DIR, VANBAN_INGEST_DIR, …).
 *
 * @param dataDir     where the embedded database, the Lucene index and the originals live (default {@code index})
 * @param ingestDir   the drop folder that {@code serve} watches (default {@code ingest})
 * @param watch       whether {@code serve} watches the drop folder (default true)
 * @param watchPollMs how often the drop folder is looked at, in milliseconds (default 2000)
 * @param maxFileSize largest file accepted, in bytes (default 32 MiB)
 * @param dbPatienceSeconds how long ingest waits for an unreachable database before it reports the file as
 *                    failed (default 300): a restart of MariaDB in the middle of a batch loses nothing
 */
@ConfigurationProperties("vanban")
public record VanbanConfig(
        @Bindable(defaultValue = "index") Path dataDir,
        @Bindable(defaultValue = "ingest") Path ingestDir,
        @Bindable(defaultValue = "true") boolean watch,
        @Bindable(defaultValue = "2000") long watchPollMs,
        @Bindable(defaultValue = "33554432") long maxFileSize,
        @Bindable(defaultValue = "300") long dbPatienceSeconds) {
}
