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

    private final Path root;

    public BlobStore(VanbanConfig config) {
        this.root = config.dataDir().resolve("originals");
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
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), sha256, ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store original " + sha256 + " under " + root, e);
        }
    }

    /** Where the original with {@code sha256} is (or would be) kept. */
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256: [" + sha256 + "]");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
