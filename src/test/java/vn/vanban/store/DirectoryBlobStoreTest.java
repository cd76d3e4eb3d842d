package vn.vanban.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The originals in a directory, through the store's interface only. */
class DirectoryBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsEachOriginalOnceByItsHashAndListsOnlyWholeOnes() throws Exception {
        BlobStore blobs = new DirectoryBlobStore(null, dir.toString());
        byte[] a = "Quyết định số 2099/QĐ-UBND".getBytes(StandardCharsets.UTF_8);
        String sha = BlobStore.sha256(a);
        assertFalse(blobs.has(sha));
        assertThrows(NoSuchFileException.class, () -> blobs.open(sha));
        blobs.put(sha, a);
        blobs.put(sha, a); // the same bytes again: nothing changes
        assertTrue(blobs.has(sha));
        assertEquals(a.length, blobs.size(sha));
        try (var in = blobs.open(sha)) {
            assertArrayEquals(a, in.readAllBytes());
        }
        // a file being written (a crash left it) is not an original
        Path partial = dir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + "123.tmp");
        Files.write(partial, new byte[] {1, 2});
        byte[] b = "Kế hoạch".getBytes(StandardCharsets.UTF_8);
        blobs.put(BlobStore.sha256(b), b);
        try (var listed = blobs.list()) {
            assertEquals(List.of(sha, BlobStore.sha256(b)).stream().sorted().toList(), listed.sorted().toList());
        }
        assertThrows(IllegalArgumentException.class, () -> blobs.has("../../etc/passwd"));
    }
}
