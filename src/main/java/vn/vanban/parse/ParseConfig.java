package vn.vanban.parse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Parsing limits, isolation and OCR settings ({@code vanban.parse.*}).
 *
 * @param writeLimit        most characters read from one file; more is stored as truncated (default 10,000,000)
 * @param ocrEnabled        whether scans are read with Tesseract when it is installed (default true)
 * @param ocrLanguage       Tesseract language(s) (default {@code vie})
 * @param ocrTimeoutSeconds most seconds OCR may spend on one image or page (default 300)
 * @param isolated          whether office files are parsed in child JVMs, so that a parser that hangs, crashes or
 *                          runs out of memory costs one file and not the service (default true; plain text is
 *                          always read in process)
 * @param timeoutSeconds    most seconds one file may take to parse in a child JVM before it is stopped (default 900)
 * @param workerHeapMb      heap of each child JVM, in MiB (default 768)
 * @param workers           most child JVMs at once (default: the number of processors)
 * @param filesPerWorker    files a child JVM parses before it is replaced by a fresh one (default 10,000, as Tika's
 *                          own pipes: a fresh child spends seconds of CPU compiling its parsers again; a file whose
 *                          child runs out of memory or dies after others is retried in a fresh one)
 */
@ConfigurationProperties("vanban.parse")
public record ParseConfig(
        @Bindable(defaultValue = "10000000") int writeLimit,
        @Bindable(defaultValue = "true") boolean ocrEnabled,
        @Bindable(defaultValue = "vie") String ocrLanguage,
        @Bindable(defaultValue = "300") int ocrTimeoutSeconds,
        @Bindable(defaultValue = "true") boolean isolated,
        @Bindable(defaultValue = "900") int timeoutSeconds,
        @Bindable(defaultValue = "768") int workerHeapMb,
        @Bindable(defaultValue = "0") int workers,
        @Bindable(defaultValue = "10000") int filesPerWorker) {

    @Creator
    public ParseConfig {
        if (workers <= 0) {
            workers = Runtime.getRuntime().availableProcessors();
        }
    }

    /** In-process parsing with these limits (for tools and tests that read files without a service to protect). */
    public ParseConfig(int writeLimit, boolean ocrEnabled, String ocrLanguage, int ocrTimeoutSeconds) {
        this(writeLimit, ocrEnabled, ocrLanguage, ocrTimeoutSeconds, false, 900, 768, 0, 500);
    }

    /** The defaults, for use outside a Micronaut context. */
    public static ParseConfig defaults() {
        return new ParseConfig(10_000_000, true, "vie", 300, true, 900, 768, 0, 500);
    }

    /** The same settings, parsing in process. */
    public ParseConfig inProcess() {
        return new ParseConfig(writeLimit, ocrEnabled, ocrLanguage, ocrTimeoutSeconds, false, timeoutSeconds,
                workerHeapMb, workers, filesPerWorker);
    }
}
