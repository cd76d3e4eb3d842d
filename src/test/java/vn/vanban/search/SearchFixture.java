package vn.vanban.search;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.vanban.ingest.IngestService;
import vn.vanban.support.Databases;
import vn.vanban.support.TestApp;

/** A repository on the embedded database holding the documents a search test adds, by key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchFixture {

    TestApp app;
    SearchService search;
    IngestService ingest;
    final Map<String, Long> ids = new HashMap<>();

    /** Adds the test's documents (with {@link #add} or through {@link #ingest}). */
    abstract void documents();

    @BeforeAll
    void start() {
        app = TestApp.start(Databases.H2);
        ingest = app.bean(IngestService.class);
        documents();
        search = app.bean(SearchService.class);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Ingests {@code text} as a text file named after {@code key}, remembered under {@code key}. */
    void add(String key, String text) {
        ids.put(key, ingest.ingest("test:" + key, key + ".txt", text.getBytes(StandardCharsets.UTF_8), false).id());
    }

    /** The ids of the first ten hits of {@code q}. */
    List<Long> top(String q) {
        return search.search(q, 0, 10).hits().stream().map(SearchHit::id).toList();
    }
}
