package vn.vanban.parse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Parsing limits and OCR settings ({@code vanban.parse.*}).
 *
 * @param writeLimit       most characters read from one file; more is stored as truncated (default 10,000,000)
 * @param ocrEnabled       whether scans are read with Tesseract when it is installed (default true)
 * @param ocrLanguage      Tesseract language(s) (default {@code vie})
 * @param ocrTimeoutSeconds most seconds OCR may spend on one image or page (default 300)
 */
@ConfigurationProperties("vanban.parse")
public record ParseConfig(
        @Bindable(defaultValue = "10000000") int writeLimit,
        @Bindable(defaultValue = "true") boolean ocrEnabled,
        @Bindable(defaultValue = "vie") String ocrLanguage,
        @Bindable(defaultValue = "300") int ocrTimeoutSeconds) {

    /** The defaults, for use outside a Micronaut context. */
    public static ParseConfig defaults() {
        return new ParseConfig(10_000_000, true, "vie", 300);
    }
}
