package vn.vanban.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Where the original files are kept, content-addressed: each by the sha256 of its bytes, written once and never
 * changed, so every process of a deployment can read what any other wrote and a copy is whole or absent. The default
 * is a directory ({@link DirectoryBlobStore}); an object store (S3 and the like) fits the same five operations.
 * Implementations are thread-safe.
 */
public interface BlobStore {

    /** Stores {@code bytes} under {@code sha256} unless already there; never leaves a partial original. */
    void put(String sha256, byte[] bytes);

    /** Whether the original with {@code sha256} is kept. */
    boolean has(String sha256);

    /** Reads the original with {@code sha256}; {@link java.nio.file.NoSuchFileException} when it is not kept. */
    InputStream open(String sha256) throws IOException;

    /** The size in bytes of the original with {@code sha256}. */
    long size(String sha256) throws IOException;

    /** The sha256 of every kept original (a stream to close). */
    Stream<String> list() throws IOException;

    /** Whether {@code name} is the name of a kept original (a sha256), not a file being written. */
    static boolean isOriginal(String name) {
        if (name.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The hex sha256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
