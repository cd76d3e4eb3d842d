package vn.vanban.search;

import vn.vanban.normalize.Folding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.vanban.index.ItemIndex;
import vn.vanban.ingest.IndexReconciler;
import vn.vanban.ingest.IngestService;
import vn.vanban.store.TaskRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** Search over what documents set and cite: tasks, deadlines, cited documents; and the items index's repair. */
class ItemSearchTest {

    @Test
    void findsTasksDeadlinesAndCitedDocumentsAndRepairsTheirIndex() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2)) {
            IngestService ingest = app.bean(IngestService.class);
            Set<Long> dev = new HashSet<>();
            for (var p : Fixtures.files("dev")) {
                dev.add(ingest.ingestFile(p, false).id());
            }
            SearchService search = app.bean(SearchService.class);

            ItemResult tasks = search.searchItems("\"chu ky so\"", "task", 0, 20);
            assertTrue(tasks.total() > 0, "the dev plans set tasks about chữ ký số");
            long expected = app.bean(TaskRepository.class).findCurrent().stream()
                    .filter(t -> vn.vanban.normalize.Folding.fold(t.textContent()).matches("(?s).*\\bchu\\s+ky\\s+so\\b.*")).count();
            assertEquals(expected, tasks.total(), "every task naming chữ ký số, and only those");
            for (ItemHit h : tasks.hits()) {
                assertEquals("task", h.kind());
                assertTrue(dev.contains(h.documentId()), h.toString());
                assertTrue(h.snippet().contains("<mark>"), h.snippet());
            }

            ItemResult cited = search.searchItems("2099/QĐ-UBND", "cited", 0, 10);
            assertEquals(1, cited.total(), cited.toString());
            assertTrue(cited.hits().get(0).label().contains("2099/QĐ-UBND"), cited.toString());

            ItemResult deadlines = search.searchItems("báo cáo", "deadline", 0, 10);
            assertTrue(deadlines.total() > 0);
            deadlines.hits().forEach(h -> assertEquals("deadline", h.kind()));

            ItemResult all = search.searchItems("chữ ký số", null, 0, 100);
            assertTrue(all.total() >= tasks.total());
            assertThrows(IllegalArgumentException.class, () -> search.searchItems("a", "meeting", 0, 10));
            assertThrows(IllegalArgumentException.class, () -> search.searchItems(" ", null, 0, 10));

            // the items index is disposable: wiped, it is rebuilt from the database on the next reconcile
            ItemIndex items = app.bean(ItemIndex.class);
            List<String> indexedByIngest = stored(items);
            assertTrue(indexedByIngest.size() > 20, indexedByIngest.toString());
            items.openForWriting();
            items.deleteAll();
            items.commit();
            assertEquals(0, search.searchItems("\"chu ky so\"", "task", 0, 20).total());
            app.bean(IndexReconciler.class).reconcile();
            assertEquals(tasks.total(), search.searchItems("\"chu ky so\"", "task", 0, 20).total());
            assertEquals(dev, items.owners());
            // ingest indexes a document's tasks and deadlines from what it stored, a rebuild from what it reads back:
            // the same items
            assertEquals(indexedByIngest, stored(items));
        }
    }

    /** Every item in the index with its stored fields, sorted. */
    private static List<String> stored(ItemIndex items) {
        return items.withSearcher(searcher -> {
            List<String> out = new java.util.ArrayList<>();
            var reader = searcher.getIndexReader();
            var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
            for (int d = 0; d < reader.maxDoc(); d++) {
                if (live == null || live.get(d)) {
                    out.add(searcher.storedFields().document(d).getFields().stream()
                            .map(f -> f.name() + "=" + (f.numericValue() != null ? f.numericValue() : f.stringValue()))
                            .sorted().toList().toString());
                }
            }
            java.util.Collections.sort(out);
            return out;
        });
    }
}
