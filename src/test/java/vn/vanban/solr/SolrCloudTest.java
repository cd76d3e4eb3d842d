package vn.vanban.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.index.VietnameseAnalyzer;
import vn.vanban.support.SolrCloudProcess;

/**
 * Vanban's configset on a real SolrCloud (two nodes, embedded ZooKeeper, in a JVM of their own): the collection is
 * created from it with two shards of two replicas, its Vietnamese analysis gives the tokens and positions of
 * {@link VietnameseAnalyzer} over real documents, {@code reindex --solr} fills it from a repository's database so that
 * words, phrases, numbers and facets find in Solr what they find in the local index, and a search still answers with
 * one node stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class SolrCloudTest {

    private SolrCloudProcess cloud;
    private SolrCollections collections;
    private String firstSetUp;
    private vn.vanban.support.TestApp app;
    private int documents;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cloud = SolrCloudProcess.start(dir.resolve("solr"), 2);
        collections = new SolrCollections(cloud.nodeUrls(), "vanban_test", 2, 2);
        firstSetUp = collections.ensure(Duration.ofMinutes(3));
        app = repositoryOfFixtures();
        documents = app.bean(SolrReindex.class).run(collections, id -> { }).sent();
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (collections != null) {
            collections.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theCollectionIsMadeFromTheShippedConfigsetOnceAndFoundAfterwards() throws Exception {
        assertTrue(firstSetUp.contains("configset " + SolrCollections.CONFIGSET + " uploaded"), firstSetUp);
        // the name is an alias of a collection of its own generation (what reindexing moves to a new one)
        assertTrue(firstSetUp.matches(".*collection vanban_test_\\d{14} created \\(2 shards × 2 replicas\\) as vanban_test;.*"), firstSetUp);
        assertTrue(firstSetUp.matches(".*collection vanban_test_items_\\d{14} created .* as vanban_test_items.*"), firstSetUp);
        assertEquals("collection vanban_test ready", collections.ensure(Duration.ofMinutes(1)));
        var provider = collections.client().getClusterStateProvider();
        var state = provider.getCollection(provider.resolveAlias("vanban_test").get(0));
        assertEquals(2, state.getSlices().size());
        assertEquals(4, state.getReplicas().size());
        // the same cluster reached through its ZooKeeper (as Solr's ZK_HOST names it) finds the collection made
        try (SolrCollections viaZk = SolrCollections.viaZooKeeper(cloud.zkAddress(), "vanban_test", 2, 2)) {
            assertEquals("collection vanban_test ready", viaZk.ensure(Duration.ofMinutes(1)));
            assertEquals(documents, viaZk.client().query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
        }
    }

    @Test
    void theSolrAnalysisGivesTheTokensAndPositionsOfVanbansAnalyzerOverRealDocuments() throws Exception {
        List<Path> texts = fixtureTexts();
        assertTrue(texts.size() >= 20, "fixture texts: " + texts.size());
        long compared = 0;
        for (boolean folded : new boolean[] {false, true}) {
            try (Analyzer vanban = folded ? VietnameseAnalyzer.folded() : VietnameseAnalyzer.exact()) {
                for (Path f : texts) {
                    String text = Files.readString(f);
                    List<String> expected = tokens(vanban, text);
                    assertEquals(expected, solrTokens(folded ? "text_vi_folded" : "text_vi", text),
                            f + (folded ? " (folded)" : " (exact)"));
                    compared += expected.size();
                }
            }
        }
        assertTrue(compared > 200_000, "tokens compared: " + compared);
    }

    @Test
    void bothTonePlacementsAndTheClauseGapsAreRead() throws Exception {
        String text = "Hoà bình, thuỷ lợi; quý, hiếm: QUYẾT ĐỊNH";
        assertEquals(List.of("hòa@1", "bình@2", "thủy@4", "lợi@5", "quý@7", "hiếm@9", "quyết@11", "định@12"),
                solrTokens("text_vi", text));
        try (Analyzer vanban = VietnameseAnalyzer.exact()) {
            assertEquals(tokens(vanban, text), solrTokens("text_vi", text));
        }
        assertEquals(List.of("hoa@1", "binh@2", "thuy@4", "loi@5", "quy@7", "hiem@9", "quyet@11", "dinh@12"),
                solrTokens("text_vi_folded", text));
    }

    @Test
    void withASolrCloudSetTheCollectionTakesWhatIngestStoresAndDropsWhatIsDeleted() throws Exception {
        try (var node = vn.vanban.support.TestApp.start(vn.vanban.support.Databases.H2, java.util.Map.of(
                "vanban.solr.urls", String.join(",", cloud.nodeUrls()), "vanban.solr.collection", "vanban_mirror",
                "vanban.solr.shards", 1, "vanban.solr.replicas", 2))) {
            var ingest = node.bean(vn.vanban.ingest.IngestService.class);
            List<Long> ids = new ArrayList<>();
            for (Path f : fixtureTexts().subList(0, 3)) {
                ids.add(ingest.ingest("test:" + f.getFileName(), f.getFileName().toString(), Files.readAllBytes(f), false).id());
            }
            var client = collections.client();
            // an upload is not committed on its own: Solr's soft commit (within a second) makes it visible
            awaitIds("vanban_mirror", java.util.Set.of(Long.toString(ids.get(0)), Long.toString(ids.get(1)), Long.toString(ids.get(2))));
            node.bean(vn.vanban.correction.Deletions.class).delete(ids.get(1), "test", null);
            awaitIds("vanban_mirror", java.util.Set.of(Long.toString(ids.get(0)), Long.toString(ids.get(2))));
            // every document noted before it was sent, the note removed once Solr took it: none left
            node.bean(SolrMirror.class).flush(Duration.ofSeconds(30));
            assertEquals(0, node.bean(SolrPending.class).count());
            // the document's fields as the local index derives them: its number finds it
            var doc = node.bean(vn.vanban.store.DocumentRepository.class).findById(ids.get(0)).orElseThrow();
            org.junit.jupiter.api.Assertions.assertNotNull(doc.docNumber(), "the fixture has a number: " + doc.fileName());
            var q = new SolrQuery("{!term f=number}" + vn.vanban.extract.DocumentNumbers.keys(doc.docNumber()).iterator().next());
            assertEquals(1, client.query("vanban_mirror", q).getResults().getNumFound());
        }
    }

    private void awaitIds(String collection, java.util.Set<String> expected) throws Exception {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        java.util.Set<String> seen = idsIn(collection);
        while (!seen.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(200);
            seen = idsIn(collection);
        }
        assertEquals(expected, seen);
    }

    private java.util.Set<String> idsIn(String collection) throws Exception {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        collections.client().query(collection, new SolrQuery("*:*").setFields("id").setRows(100)).getResults()
                .forEach(d -> ids.add((String) d.getFieldValue("id")));
        return ids;
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1) // after the tests that read the collection as first filled
    void reindexingFillsANewGenerationWhileTheOldOneAnswersThenMovesTheNames() throws Exception {
        var client = collections.client();
        String before = aliases().get("vanban_test");
        String itemsBefore = aliases().get("vanban_test_items");
        long items = client.query("vanban_test_items", new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
        // searches all along: each one answered finds every document (the old generation until the names move)
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Long> counts = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread searching = new Thread(() -> {
            while (!done.get()) {
                try {
                    counts.add(client.query("vanban_test", new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
                } catch (Exception e) {
                    errors.add(e.toString());
                }
            }
        });
        searching.start();
        SolrReindex.Result r;
        try {
            r = app.bean(SolrReindex.class).run(collections, id -> { });
        } finally {
            done.set(true);
            searching.join();
        }
        assertEquals(documents, r.sent());
        assertTrue(r.documents().matches("vanban_test_\\d{14}b*") && !r.documents().equals(before), r.documents());
        assertEquals(List.of(before, itemsBefore), r.deleted());
        assertEquals(r.documents(), aliases().get("vanban_test"));
        assertEquals(r.items(), aliases().get("vanban_test_items"));
        List<String> left = org.apache.solr.client.solrj.request.CollectionAdminRequest.listCollections(client);
        assertFalse(left.contains(before) || left.contains(itemsBefore), "old generation deleted: " + left);
        assertEquals(documents, client.query("vanban_test", new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
        assertEquals(items, client.query("vanban_test_items", new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
        System.out.println("searches during the reindex: " + counts.size() + " answered, " + errors.size() + " failed " + errors);
        assertTrue(counts.size() >= 5, "searches answered during the reindex: " + counts.size());
        assertEquals(List.of(), counts.stream().filter(c -> c != documents).toList(), "a search found fewer documents");
        assertEquals(List.of(), errors);
    }

    /** The cluster's aliases as it holds them now (the client's copy read again). */
    private java.util.Map<String, String> aliases() throws Exception {
        collections.readAliasesAgain();
        return new org.apache.solr.client.solrj.request.CollectionAdminRequest.ListAliases().process(collections.client()).getAliases();
    }

    @Test
    void aCollectionMadeUnderItsNameBeforeAliasesIsReplacedByTheReindex() throws Exception {
        var client = collections.client();
        for (String name : List.of("vanban_legacy", "vanban_legacy_items")) {
            org.apache.solr.client.solrj.request.CollectionAdminRequest.createCollection(name, SolrCollections.CONFIGSET, 1, 1)
                    .process(client);
        }
        SolrInputDocument stray = new SolrInputDocument();
        stray.addField("id", "stray");
        client.add("vanban_legacy", stray);
        client.commit("vanban_legacy");
        try (SolrCollections legacy = new SolrCollections(cloud.nodeUrls(), "vanban_legacy", 1, 1)) {
            assertEquals("collection vanban_legacy ready", legacy.ensure(Duration.ofMinutes(1)), "used as it is");
            SolrReindex.Result r = app.bean(SolrReindex.class).run(legacy, id -> { });
            assertEquals(List.of("vanban_legacy", "vanban_legacy_items"), r.deleted());
            assertEquals(r.documents(), aliases().get("vanban_legacy"));
            assertEquals(documents, client.query("vanban_legacy", new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
            assertEquals(0, client.query("vanban_legacy", new SolrQuery("id:stray").setRows(0)).getResults().getNumFound());
            legacy.drop();
            List<String> left = org.apache.solr.client.solrj.request.CollectionAdminRequest.listCollections(client);
            assertEquals(List.of(), left.stream().filter(c -> c.startsWith("vanban_legacy")).toList());
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it stops a node (the others have the default order)
    void aSearchStillAnswersWithOneNodeStopped() throws Exception {
        var client = collections.client();
        for (int i = 1; i <= 20; i++) {
            SolrInputDocument d = new SolrInputDocument();
            d.addField("id", "d" + i);
            d.addField("body_folded", i % 2 == 0 ? "Quyết định về phòng chống thiên tai số " + i : "Kế hoạch bảo vệ rừng " + i);
            client.add(d);
        }
        client.commit();
        String query = "id:d* AND body_folded:\"quyet dinh\"";
        assertEquals(10, client.query(new SolrQuery(query)).getResults().getNumFound());
        long all = client.query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
        cloud.stopNode(1);
        // each shard has a replica on each node: the node left answers for both, whole (not tolerating a missing shard)
        SolrQuery q = new SolrQuery(query);
        q.set("shards.tolerant", false);
        assertEquals(10, client.query(q).getResults().getNumFound());
        assertEquals(all, client.query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
    }

    @Test
    void reindexFillsTheCollectionFromTheDatabaseAndItFindsWhatTheLocalIndexFinds() throws Exception {
        var client = collections.client();
        assertTrue(documents >= 20, "documents sent: " + documents);
        assertEquals(documents, client.query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
        var index = app.bean(vn.vanban.index.DocumentIndex.class);
        var builder = new org.apache.lucene.util.QueryBuilder(index.analyzer());
        List<String> checked = new ArrayList<>();
        // words and phrases typed with and without diacritics, on the exact and the folded text
        for (String typed : List.of("quyết định", "quyet dinh", "báo cáo", "bao cao", "thông tư", "ủy ban nhân dân",
                "uy ban nhan dan", "kế hoạch", "hoà", "thuỷ lợi", "an toàn thông tin", "người lao động", "bảo hiểm xã hội",
                "trước ngày", "chịu trách nhiệm", "2099", "qđ-ubnd", "năm 2019")) {
            for (String field : List.of("body", "body_folded", "subject_folded")) {
                org.apache.lucene.search.Query phrase = builder.createPhraseQuery(field, typed);
                if (phrase == null) {
                    continue;
                }
                java.util.Set<String> local = localIds(index, phrase);
                java.util.Set<String> solr = solrIds("{!field f=" + field + "}" + typed);
                assertEquals(local, solr, field + ": " + typed);
                checked.add(field + ":" + typed + "=" + local.size());
            }
        }
        // numbers, as the number lookup keys them
        for (String key : List.of("number", "number_lookup", "cites")) {
            var terms = localTerms(index, key, 15);
            assertTrue(!terms.isEmpty(), "no " + key + " keys indexed");
            for (String t : terms) {
                var term = new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(key, t));
                assertEquals(localIds(index, term), solrIds("{!term f=" + key + "}" + t), key + ": " + t);
            }
        }
        assertTrue(checked.stream().filter(c -> !c.endsWith("=0")).count() >= 30, "queries with hits: " + checked);
        System.out.println("Solr and local Lucene, same documents for: " + checked);
        // facet counts of every document
        var q = new SolrQuery("*:*").setRows(0).setFacet(true).setFacetLimit(-1).setFacetMinCount(1);
        for (String dim : List.of("type", "year", "issuer", "province", "status")) {
            q.addFacetField(dim);
        }
        var rsp = client.query(q);
        for (String dim : List.of("type", "year", "issuer", "province", "status")) {
            java.util.Map<String, Long> solrCounts = new java.util.TreeMap<>();
            rsp.getFacetField(dim).getValues().forEach(c -> solrCounts.put(c.getName(), c.getCount()));
            assertEquals(localFacet(index, dim), solrCounts, "facet " + dim);
        }
    }

    private static java.util.Set<String> localIds(vn.vanban.index.DocumentIndex index, org.apache.lucene.search.Query q) {
        return index.withSearcher(searcher -> {
            java.util.Set<String> ids = new java.util.TreeSet<>();
            var stored = searcher.storedFields();
            for (var sd : searcher.search(q, 10_000).scoreDocs) {
                ids.add(stored.document(sd.doc).get("id"));
            }
            return ids;
        });
    }

    private java.util.Set<String> solrIds(String query) throws Exception {
        var q = new SolrQuery(query).setFields("id").setRows(10_000);
        java.util.Set<String> ids = new java.util.TreeSet<>();
        collections.client().query(q).getResults().forEach(d -> ids.add((String) d.getFieldValue("id")));
        return ids;
    }

    /** Up to {@code n} terms of {@code field} in the local index, spread over its term dictionary. */
    private static List<String> localTerms(vn.vanban.index.DocumentIndex index, String field, int n) {
        return index.withSearcher(searcher -> {
            List<String> all = new ArrayList<>();
            var terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), field);
            if (terms != null) {
                var it = terms.iterator();
                for (var t = it.next(); t != null; t = it.next()) {
                    all.add(t.utf8ToString());
                }
            }
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < all.size() && picked.size() < n; i += Math.max(1, all.size() / n)) {
                picked.add(all.get(i));
            }
            return picked;
        });
    }

    private static java.util.Map<String, Long> localFacet(vn.vanban.index.DocumentIndex index, String dim) {
        return index.withSearcher(searcher -> {
            var state = new org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState(
                    searcher.getIndexReader(), vn.vanban.index.DocumentIndex.FACETS);
            var fc = searcher.search(new org.apache.lucene.search.MatchAllDocsQuery(),
                    new org.apache.lucene.facet.FacetsCollectorManager());
            var counts = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(state, fc);
            java.util.Map<String, Long> out = new java.util.TreeMap<>();
            var top = counts.getTopChildren(1000, dim);
            if (top != null) {
                for (var lv : top.labelValues) {
                    out.put(lv.label, lv.value.longValue());
                }
            }
            return out;
        });
    }

    /** A repository on the embedded database holding the 28 test texts. */
    static vn.vanban.support.TestApp repositoryOfFixtures() throws IOException {
        var app = vn.vanban.support.TestApp.start(vn.vanban.support.Databases.H2);
        var ingest = app.bean(vn.vanban.ingest.IngestService.class);
        for (Path f : fixtureTexts()) {
            ingest.ingest("test:" + f.getFileName(), f.getFileName().toString(), Files.readAllBytes(f), false);
        }
        return app;
    }

    /** The dev, web and gazette test texts. */
    static List<Path> fixtureTexts() throws IOException {
        try (Stream<Path> s = Stream.of("dev", "web", "gazette").flatMap(sub -> list(Path.of("src/test/resources/fixtures", sub)))) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.walk(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "term@position" for each token of {@code text} (positions from 1, gaps counted). */
    static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (var ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = 0;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(term + "@" + pos);
            }
            ts.end();
        }
        return out;
    }

    /** The same through the Solr field type {@code type}'s index analyzer (the last stage Solr reports). */
    private List<String> solrTokens(String type, String text) throws Exception {
        FieldAnalysisRequest req = new FieldAnalysisRequest().addFieldType(type).setFieldValue(text);
        req.setMethod(org.apache.solr.client.solrj.SolrRequest.METHOD.POST); // a whole document does not fit in a URL
        FieldAnalysisResponse rsp = req.process(collections.client(), collections.collection());
        AnalysisResponseBase.AnalysisPhase last = null;
        for (AnalysisResponseBase.AnalysisPhase p : rsp.getFieldTypeAnalysis(type).getIndexPhases()) {
            last = p;
        }
        List<String> out = new ArrayList<>();
        for (AnalysisResponseBase.TokenInfo t : last.getTokens()) {
            out.add(t.getText() + "@" + t.getPosition());
        }
        return out;
    }
}
