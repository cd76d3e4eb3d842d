package vn.vanban.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.vanban.ingest.IngestService;
import vn.vanban.search.SearchService;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** A SolrCloud that is set but cannot be reached costs ingest nothing: the file is stored and found locally. */
class SolrMirrorTest {

    @Test
    void aClusterThatIsDownLeavesIngestAndTheLocalIndexAsTheyAre() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2, Map.of("vanban.solr.urls", "http://127.0.0.1:1/solr"))) {
            IngestService ingest = app.bean(IngestService.class);
            for (String name : new String[] {"dev/000_dfb5246ff8e502db.txt", "dev/001_6f21706be8332ce4.txt"}) {
                var f = Fixtures.path(name);
                assertNotNull(ingest.ingest("test:" + name, f.getFileName().toString(), Files.readAllBytes(f), false).id());
            }
            assertEquals(2, app.bean(SearchService.class).search("", 0, 10).total());
            assertEquals(true, app.bean(SolrMirror.class).enabled());
        }
    }
}
