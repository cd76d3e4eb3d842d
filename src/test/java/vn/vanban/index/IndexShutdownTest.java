package vn.vanban.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.config.VanbanConfig;

/**
 * Closing an index while writes and searches are in flight: it waits for them, commits what they wrote, then refuses
 * new writes — never closes Lucene's writer under a write or a search's refresh (which aborts it: "netBytes has
 * unexpected value").
 */
class IndexShutdownTest {

    @Test
    void closeWaitsForWritesInFlightAndRefusesLaterOnes(@TempDir Path dir) throws Exception {
        VanbanConfig config = new VanbanConfig(dir, dir.resolve("ingest"), false, 2000, 1 << 25, 300);
        DocumentIndex index = new DocumentIndex(config);
        index.openForWriting();
        String text = "Kế hoạch triển khai chuyển đổi số năm 2024 của Sở Thông tin và Truyền thông. ".repeat(400);
        int writers = 4;
        CountDownLatch started = new CountDownLatch(writers);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int base = w * 100_000;
            running.add(pool.submit(() -> {
                started.countDown();
                for (int i = 0; ; i++) {
                    try {
                        index.put(IndexedDocument.textOnly(base + i, text));
                        written.incrementAndGet();
                    } catch (IllegalStateException closed) {
                        refused.incrementAndGet();
                        return null;
                    }
                }
            }));
        }
        // searches beside them: each one's refresh flushes the writer's buffer (a near-real-time reader), which close
        // must not roll back under it either
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Throwable> searchFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> searching = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        index.withSearcher(sr -> sr.getIndexReader().numDocs());
                    } catch (IllegalStateException closed) {
                        return; // the index is closed (Lucene's AlreadyClosedException is one)
                    } catch (Throwable e) {
                        searchFailures.add(e);
                        return;
                    }
                }
            });
            th.start();
            searching.add(th);
        }
        started.await();
        while (written.get() < 20) {
            Thread.onSpinWait(); // writes are in flight on every thread
        }
        index.close(); // waits for the writes and refreshes in flight: no exception from Lucene's writer
        stop.set(true);
        for (Thread th : searching) {
            th.join();
        }
        assertEquals(List.of(), searchFailures);
        try {
            for (Future<?> f : running) {
                // each writer sees the refusal, none an aborted writer (a bound against hanging, not a timing)
                f.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers, refused.get());
        assertThrows(IllegalStateException.class, () -> index.put(IndexedDocument.textOnly(1, "muộn")));

        // everything written before the close was committed
        DocumentIndex reopened = new DocumentIndex(config);
        int held = reopened.withSearcher(s -> s.getIndexReader().numDocs());
        reopened.close();
        assertEquals(written.get(), held);
        assertTrue(held >= 20);
    }
}
