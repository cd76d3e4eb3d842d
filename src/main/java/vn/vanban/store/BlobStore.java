package vn.vanban.store;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import vn.vanban.config.VanbanConfig;

/**
 * Keeps original files by the sha256 of their bytes under {@code <data-dir>/originals/ab/cd/<sha256>}. A write goes
 * to a temporary file first and is moved into place atomically, so a crash never leaves a partial original.
 * Thread-safe.
 */
@Singleton
public final class BlobStore {

    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    /**
     * Originals under {@code vanban.originals-dir} (VANBAN_ORIGINALS_DIR), by default {@code <data-dir>/originals}: a
     * directory every process of a deployment reaches when several share one database.
     */
    public BlobStore(VanbanConfig config, @io.micronaut.context.annotation.Value("${vanban.originals-dir:}") String originalsDir) {
        this.root = originalsDir == null || originalsDir.isBlank() ? config.dataDir().resolve("originals") : Path.of(originalsDir);
    }

    /** The directory the originals are kept under. */
    public Path root() {
        return root;
    }

    /** Whether {@code name} is the name of a kept original (a sha256), not a file being written. */
    public static boolean isOriginal(String name) {
        return SHA256.matcher(name).matches();
    }

    /** The hex sha256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores {@code bytes} under {@code sha256} unless already there; returns the path. */
    public Path put(String sha256, byte[] bytes) {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return target;
        }
        try {
            Path dir = target.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir); // (it answers a missing directory by catching an exception per level)
            }
            Path tmp = Files.createTempFile(dir, sha256, ".tmp");
            boolean moved = false;
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
            } finally {
                if (!moved) {
                    Files.deleteIfExists(tmp);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store original " + sha256 + " under " + root, e);
        }
    }

    /** Where the original with {@code sha256} is (or would be) kept. */
    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a sha256: [" + sha256 + "]");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
