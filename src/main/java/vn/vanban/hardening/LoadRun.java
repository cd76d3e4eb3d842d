package vn.vanban.hardening;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import vn.vanban.bench.LoadBenchCommand;
import vn.vanban.bench.Percentiles;

/**
 * A bounded load on a running server: {@code searchers} clients searching and {@code uploaders} clients uploading
 * (each with its own connection) for a fixed time, then it stops by itself. Counts every answer that is not the
 * expected one as an error, with its status and a sample of the body.
 *
 * @param seconds   how long the load ran
 * @param searches  search latencies
 * @param uploads   upload latencies
 * @param errors    answers that were not a success, by "kind status"
 * @param heapPeakMb used heap of this JVM, sampled every 50 ms (the server's, when it runs in this JVM), garbage included
 * @param liveHeapPeakMb the most heap still in use right after a garbage collection: what the load really holds
 */
public record LoadRun(double seconds, Percentiles searches, Percentiles uploads, Map<String, Long> errors,
                      List<String> errorSamples, long heapPeakMb, long liveHeapPeakMb) {

    public static LoadRun run(String base, String editorToken, List<Path> uploadFiles, int searchers, int uploaders,
                              Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Long> searchTimes = Collections.synchronizedList(new ArrayList<>());
        List<Long> uploadTimes = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> errors = new ConcurrentHashMap<>();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        Iterator<Path> files = uploadFiles.iterator();
        AtomicLong heapPeak = new AtomicLong();
        AtomicLong livePeak = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<java.lang.management.MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long live = heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
                livePeak.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        CountDownLatch done = new CountDownLatch(searchers + uploaders);
        long t0 = System.nanoTime();
        for (int c = 0; c < searchers; c++) {
            int client = c;
            Thread.ofPlatform().daemon().start(() -> {
                try (HttpClient http = HttpClient.newHttpClient()) {
                    for (int i = client; System.nanoTime() < end; i++) {
                        String q = LoadBenchCommand.QUERIES.get(i % LoadBenchCommand.QUERIES.size());
                        long s = System.nanoTime();
                        call(http, HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                                + "&page=" + (i % 3))).timeout(Duration.ofSeconds(30)).build(), "search", errors, samples);
                        searchTimes.add(System.nanoTime() - s);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        for (int c = 0; c < uploaders; c++) {
            Thread.ofPlatform().daemon().start(() -> {
                try (HttpClient http = HttpClient.newHttpClient()) {
                    while (System.nanoTime() < end) {
                        Path f;
                        synchronized (files) {
                            if (!files.hasNext()) {
                                break;
                            }
                            f = files.next();
                        }
                        long s = System.nanoTime();
                        call(http, multipart(base + "/api/documents", editorToken, f), "upload", errors, samples);
                        uploadTimes.add(System.nanoTime() - s);
                    }
                } catch (IOException e) {
                    errors.merge("upload io", 1L, Long::sum);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        return new LoadRun(seconds, Percentiles.of(toArray(searchTimes)), Percentiles.of(toArray(uploadTimes)),
                new TreeMap<>(errors), List.copyOf(samples), heapPeak.get() >> 20, livePeak.get() >> 20);
    }

    private static void call(HttpClient http, HttpRequest request, String kind, Map<String, Long> errors, List<String> samples) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && r.statusCode() != 201) {
                errors.merge(kind + " " + r.statusCode(), 1L, Long::sum);
                if (samples.size() < 10) {
                    samples.add(kind + " " + r.statusCode() + ": " + r.body().substring(0, Math.min(300, r.body().length())));
                }
            }
        } catch (IOException e) {
            errors.merge(kind + " " + e.getClass().getSimpleName(), 1L, Long::sum);
            if (samples.size() < 10) {
                samples.add(kind + ": " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpRequest multipart(String url, String token, Path file) throws IOException {
        return MultipartUpload.of(URI.create(url), "file", file.getFileName().toString(), Files.readAllBytes(file))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).build();
    }

    private static long[] toArray(List<Long> list) {
        synchronized (list) {
            return list.stream().mapToLong(Long::longValue).toArray();
        }
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The figures as lines of a report. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("load: %.0f s, %d searches (%.0f/s), %d uploads (%.1f/s), %d errors %s; heap in use at most "
                        + "%d MB (garbage included, max %d MB), %d MB live after a collection",
                seconds, searches.n(), searches.n() / seconds, uploads.n(), uploads.n() / seconds, errorCount(), errors,
                heapPeakMb, Runtime.getRuntime().maxMemory() >> 20, liveHeapPeakMb));
        lines.add("  search " + searches);
        lines.add("  upload " + uploads);
        errorSamples.forEach(s -> lines.add("  error " + s));
        return lines;
    }
}
