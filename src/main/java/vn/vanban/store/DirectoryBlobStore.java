package vn.vanban.store;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.InputStream;
import java.util.stream.Stream;
import vn.vanban.config.VanbanConfig;

/**
 * The originals in a directory, by default {@code <data-dir>/originals}, each at {@code ab/cd/<sha256>}. A write goes
 * to a temporary file first and is moved into place atomically, so a crash never leaves a partial original. The
 * directory can be one every process of a deployment mounts (NFS, a cluster file system). Thread-safe.
 */
@Singleton
public final class DirectoryBlobStore implements BlobStore {

    private final Path root;

    /**
     * Originals under {@code vanban.originals-dir} (VANBAN_ORIGINALS_DIR), by default {@code <data-dir>/originals}: a
     * directory every process of a deployment reaches when several share one database.
     */
    public DirectoryBlobStore(VanbanConfig config, @io.micronaut.context.annotation.Value("${vanban.originals-dir:}") String originalsDir) {
        this.root = originalsDir == null || originalsDir.isBlank() ? config.dataDir().resolve("originals") : Path.of(originalsDir);
    }

    /** The directory the originals are kept under. */
    public Path root() {
        return root;
    }

    @Override
    public void put(String sha256, byte[] bytes) {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return;
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store original " + sha256 + " under " + root, e);
        }
    }

    @Override
    public boolean has(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    @Override
    public long size(String sha256) throws IOException {
        return Files.size(path(sha256));
    }

    @Override
    public Stream<String> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        // kept originals only: a file being written has a temporary name until it is whole
        return Files.walk(root).filter(Files::isRegularFile).map(f -> f.getFileName().toString()).filter(BlobStore::isOriginal);
    }

    @Override
    public String toString() {
        return root.toString();
    }

    /** Where the original with {@code sha256} is (or would be) kept. */
    Path path(String sha256) {
        return layout(root, sha256);
    }

    /** Where the original with {@code sha256} is kept in a directory store rooted at {@code root}. */
    static Path layout(Path root, String sha256) {
        if (!BlobStore.isOriginal(sha256)) {
            throw new IllegalArgumentException("not a sha256: [" + sha256 + "]");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
