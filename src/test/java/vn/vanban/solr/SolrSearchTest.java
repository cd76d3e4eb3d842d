package vn.vanban.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.bench.RankingMetrics;
import vn.vanban.search.DocumentSearch;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;
import vn.vanban.support.SolrCloudProcess;

/**
 * Vanban's searches served by a real SolrCloud (two nodes, two shards of two replicas) give what the local index gives
 * over the same 28 real documents: the judged queries and every form of query the syntax has — the same totals, the
 * same first ten, the same facet counts, numbers, suggestions and date order; snippets mark the words; more-like-this
 * answers; a cluster that cannot answer leaves the search to the local index; a repository set to a SolrCloud serves
 * its searches from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class SolrSearchTest {

    private SolrCloudProcess cloud;
    private SolrCollections collections;
    private vn.vanban.support.TestApp app;
    private SearchService local;
    private SolrSearch solr;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cloud = SolrCloudProcess.start(dir.resolve("solr"), 2);
        collections = new SolrCollections(cloud.nodeUrls(), "vanban_search", 2, 2);
        collections.ensure(Duration.ofMinutes(3));
        app = SolrCloudTest.repositoryOfFixtures();
        app.bean(SolrReindex.class).run(collections, id -> { });
        local = app.bean(SearchService.class);
        solr = new SolrSearch(local, () -> collections, app.bean(vn.vanban.index.DocumentIndex.class).analyzer());
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

    /** One judged query of the evaluation set (its relevant documents by file name, graded). */
    private record Judged(String q, Map<String, Integer> relevant) {
    }

    @SuppressWarnings("unchecked")
    private static List<Judged> judged() throws IOException {
        try (InputStream in = SolrSearchTest.class.getResourceAsStream("/vanban/eval/queries.yml")) {
            List<Map<String, Object>> rows = new org.yaml.snakeyaml.Yaml().load(in);
            List<Judged> out = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Map<String, Integer> rel = new LinkedHashMap<>();
                ((Map<String, Object>) r.get("relevant")).forEach((k, v) -> rel.put(k, ((Number) v).intValue()));
                out.add(new Judged((String) r.get("q"), rel));
            }
            return out;
        }
    }

    /** Queries of every form the syntax has, over what the fixtures hold. */
    private static final List<String> FORMS = List.of("quyết định", "quyet dinh", "báo cáo kết quả", "bao cao ket qua",
            "\"ủy ban nhân dân\"", "UBND tỉnh", "ubnd tinh", "an toàn thông tin", "kế hoạch -báo", "thông tư OR nghị định",
            "bảo hiểm xã hội", "bao hiem xa hoi", "BHXH", "trước ngày", "chịu trách nhiệm thi hành", "hoà", "thuỷ lợi",
            "2099/QĐ-UBND", "quyết định 2099", "nghị định 134/2026", "134/2026/NĐ-CP", "NĐ 136/2026", "năm 2019",
            "phòng chống thiên tai", "người lao động", "xử phạt vi phạm hành chính", "cán bộ công chức viên chức",
            "chuyển đổi số", "giáo dục đào tạo", "tài nguyên môi trường", "NOT quyết định báo cáo");

    @Test
    void theJudgedQueriesAndEveryQueryFormGiveTheLocalTopTenFromSolr() throws Exception {
        List<String> queries = new ArrayList<>();
        List<Judged> judged = judged();
        judged.forEach(j -> queries.add(j.q()));
        queries.addAll(FORMS);
        double overlap = 0;
        int compared = 0;
        int withHits = 0;
        double mrrLocal = 0;
        double mrrSolr = 0;
        List<String> differing = new ArrayList<>();
        Set<String> held = new HashSet<>(fixtureTexts().stream().map(p -> p.getFileName().toString()).toList());
        int judgedHere = 0;
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            SearchResult l = local.search(q, 0, 10);
            SearchResult s = solr.searchSolr(SearchRequest.of(q, 0, 10));
            assertEquals(l.total(), s.total(), "total of " + q);
            assertEquals(l.numbers(), s.numbers(), "numbers named by " + q);
            List<Long> lt = l.hits().stream().map(SearchHit::id).toList();
            List<Long> st = s.hits().stream().map(SearchHit::id).toList();
            if (!lt.isEmpty()) {
                Set<Long> both = new HashSet<>(lt);
                both.retainAll(st);
                overlap += (double) both.size() / lt.size();
                compared++;
                withHits++;
                if (!lt.equals(st)) {
                    differing.add(q + ": local " + lt + ", solr " + st);
                }
            }
            // judged on the queries whose relevant documents are among the fixtures (the set judges 400 texts)
            if (i < judged.size() && judged.get(i).relevant().keySet().stream().anyMatch(held::contains)) {
                mrrLocal += RankingMetrics.reciprocalRank(names(l), judged.get(i).relevant(), 10);
                mrrSolr += RankingMetrics.reciprocalRank(names(s), judged.get(i).relevant(), 10);
                judgedHere++;
            }
        }
        overlap /= compared;
        assertTrue(judgedHere >= 5, "judged queries about the fixtures: " + judgedHere);
        mrrLocal /= judgedHere;
        mrrSolr /= judgedHere;
        System.out.printf("Solr and local: %d queries with hits, mean top-10 overlap %.3f, judged MRR@10 (%d queries) local "
                + "%.3f, Solr %.3f; ordered differently: %s%n", withHits, overlap, judgedHere, mrrLocal, mrrSolr, differing);
        assertTrue(withHits >= 60, "queries with hits: " + withHits);
        assertTrue(overlap >= 0.9, "mean top-10 overlap " + overlap + "; " + differing);
        assertTrue(mrrLocal > 0.8, "the judged queries about the fixtures find them: MRR " + mrrLocal);
        assertTrue(Math.abs(mrrLocal - mrrSolr) <= 0.02, "MRR local " + mrrLocal + ", Solr " + mrrSolr);
    }

    private static List<String> names(SearchResult r) {
        return r.hits().stream().map(SearchHit::fileName).toList();
    }

    @Test
    void filtersFacetsDateOrderAndPagesAreTheLocalOnes() throws Exception {
        SearchResult all = local.search(SearchRequest.of("", 0, 10));
        assertEquals(all.facets(), solr.searchSolr(SearchRequest.of("", 0, 10)).facets());
        // every value of every facet, as a filter, with words and without, newest and oldest first
        int checked = 0;
        for (var dim : all.facets().entrySet()) {
            for (SearchResult.FacetCount value : dim.getValue()) {
                for (String q : List.of("", "quyết định")) {
                    for (String sort : List.of("newest", "oldest", "relevance")) {
                        Map<String, String> params = new java.util.HashMap<>(Map.of("q", q, "sort", sort));
                        params.put(dim.getKey(), value.value());
                        if (dim.getKey().equals("status")) {
                            params.remove("status");
                            params.put("draft", Boolean.toString(value.value().equals("draft")));
                        }
                        if (dim.getKey().equals("deadlines")) {
                            params.remove("deadlines");
                            params.put("hasDeadlines", Boolean.toString(value.value().equals("yes")));
                        }
                        SearchRequest r = SearchRequest.fromPage(params, 0, 5);
                        SearchResult l = local.search(r);
                        SearchResult s = solr.searchSolr(r);
                        String what = dim.getKey() + "=" + value.value() + " q=" + q + " " + sort;
                        assertEquals(l.total(), s.total(), what);
                        assertEquals(l.facets(), s.facets(), what);
                        if (!sort.equals("relevance")) {
                            assertEquals(dates(l), dates(s), what); // ties may fall either way: the dates agree
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 50, "filters checked: " + checked);
        // pages: the same documents, in the same order, page after page
        for (String q : List.of("", "quyết định", "ubnd tinh")) {
            List<Long> l = new ArrayList<>();
            List<Long> s = new ArrayList<>();
            for (int page = 0; page < 6; page++) {
                l.addAll(local.search(SearchRequest.of(q, page, 5)).hits().stream().map(SearchHit::id).toList());
                s.addAll(solr.searchSolr(SearchRequest.of(q, page, 5)).hits().stream().map(SearchHit::id).toList());
            }
            assertEquals(new HashSet<>(l), new HashSet<>(s), "pages of " + q);
            assertEquals(l.size(), new HashSet<>(s).size(), "no document twice in the pages of " + q);
        }
    }

    private static List<String> dates(SearchResult r) {
        return r.hits().stream().map(h -> String.valueOf(h.date())).toList();
    }

    @Test
    void tasksDeadlinesAndCitedDocumentsAreSearchedInTheItemsCollectionAsLocally() throws Exception {
        int compared = 0;
        double overlap = 0;
        for (String q : List.of("báo cáo", "bao cao", "trước ngày", "ủy ban nhân dân", "nghị định", "kế hoạch",
                "thông tư", "Sở Tài chính", "tổng hợp", "2099/QĐ-UBND", "quyết định")) {
            for (String kind : java.util.Arrays.asList(null, "task", "deadline", "cited")) {
                var l = local.searchItems(q, kind, 0, 10);
                var s = solr.searchItemsSolr(q, kind, 0, 10);
                assertEquals(l.total(), s.total(), q + " " + kind);
                if (!l.hits().isEmpty()) {
                    List<String> lk = l.hits().stream().map(SolrSearchTest::itemKey).toList();
                    Set<String> sk = new HashSet<>(s.hits().stream().map(SolrSearchTest::itemKey).toList());
                    overlap += (double) lk.stream().filter(sk::contains).count() / lk.size();
                    compared++;
                    if (l.hits().stream().anyMatch(h -> h.snippet().contains("<mark>"))) {
                        assertTrue(s.hits().stream().anyMatch(h -> h.snippet().contains("<mark>")), "marked: " + q + " " + kind);
                    }
                }
            }
        }
        assertTrue(compared >= 20, "item searches with hits: " + compared);
        assertTrue(overlap / compared >= 0.9, "mean top-10 overlap of items " + overlap / compared);
        System.out.printf("items: %d searches with hits, mean top-10 overlap %.3f%n", compared, overlap / compared);
    }

    private static String itemKey(vn.vanban.search.ItemHit h) {
        return h.kind() + "|" + h.documentId() + "|" + h.citedId() + "|" + h.due() + "|" + h.who() + "|" + h.label();
    }

    @Test
    void snippetsMarkTheWordsAndNothingFoundSuggestsWhatWould() throws Exception {
        SearchResult s = solr.searchSolr(SearchRequest.of("an toàn thông tin", 0, 5));
        assertFalse(s.hits().isEmpty());
        for (SearchHit h : s.hits()) {
            assertTrue(h.snippet().contains("<mark>"), "marked: " + h.snippet());
            assertTrue(h.snippet().length() < 1000, "a passage, not the text: " + h.snippet().length() + " " + h.snippet());
        }
        SearchResult browse = solr.searchSolr(SearchRequest.of("", 0, 3));
        for (SearchHit h : browse.hits()) {
            assertFalse(h.snippet().isBlank(), "the start of the text when browsing");
        }
        for (String q : List.of("ủy ban nhân dân xyzzyq", "quyết định xyzzyq")) {
            SearchResult l = local.search(q, 0, 5);
            SearchResult r = solr.searchSolr(SearchRequest.of(q, 0, 5));
            assertEquals(0, r.total(), q);
            assertEquals(l.suggestions(), r.suggestions(), q);
            assertFalse(r.suggestions().isEmpty(), q);
        }
    }

    /** The words a snippet marks, as the exact field reads them. */
    private static java.util.Set<String> markedWords(String snippet) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        var m = java.util.regex.Pattern.compile("<mark>(.*?)</mark>").matcher(snippet == null ? "" : snippet);
        var exact = vn.vanban.index.VietnameseAnalyzer.exact();
        while (m.find()) {
            try (var ts = exact.tokenStream("body", org.unbescape.html.HtmlEscape.unescapeHtml(m.group(1)))) {
                var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    out.add(term.toString());
                }
                ts.end();
            }
        }
        return out;
    }

    @Test
    void snippetsMarkTheSpellingsTypedAsTheLocalOnesDo() throws Exception {
        // the choice itself: the two best passages holding a spelling typed (the shorter of equals), in the text's
        // order, other spellings unmarked; none: the start of the text
        assertEquals("<mark>bão</mark> và bảo hiểm … <mark>Bão</mark> số 3", SolrSearch.preferTyped(List.of("<mark>bảo</mark> hiểm",
                "<mark>bão</mark> và <mark>bảo</mark> hiểm", "<mark>Bão</mark> số 3", "<mark>bão</mark> lũ lụt trên địa bàn các tỉnh"),
                java.util.Set.of("bão")));
        assertEquals("<mark>bão</mark> lũ … <mark>Bão</mark> và <mark>bão</mark>", SolrSearch.preferTyped(List.of(
                "<mark>bão</mark> lũ", "<mark>Bão</mark> và <mark>bão</mark>", "<mark>bão</mark> lũ lụt"), java.util.Set.of("bão")));
        assertEquals(null, SolrSearch.preferTyped(List.of("<mark>bảo</mark> hiểm", "<mark>báo</mark> cáo"), java.util.Set.of("bão")));
        assertEquals("<mark>Bão</mark> &amp; <mark>lũ</mark>", SolrSearch.preferTyped(List.of("<mark>Bão</mark> &amp; <mark>lũ</mark>"),
                java.util.Set.of("bão", "lũ")));
        assertEquals("<mark>bao</mark> a … b", SolrSearch.preferTyped(List.of("<mark>bao</mark> a", "b", "c"), java.util.Set.of()));
        // over the fixtures: for each document both indexes return, the local snippet marks only spellings typed, so
        // must Solr's where it marks one of them (it may have chosen other passages)
        int compared = 0;
        int same = 0;
        List<String> wrong = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (String q : List.of("bão", "bảo", "số", "sở", "báo cáo", "quyết định", "hoà", "lũ", "thông tư", "kế hoạch",
                "an toàn thông tin", "bảo hiểm xã hội", "UBND tỉnh")) {
            Map<Long, String> locals = new LinkedHashMap<>();
            local.search(q, 0, 10).hits().forEach(h -> locals.put(h.id(), h.snippet()));
            java.util.Set<String> typed = new java.util.TreeSet<>();
            for (String w : q.split(" ")) {
                typed.addAll(markedWords("<mark>" + w + "</mark>"));
            }
            for (SearchHit h : solr.searchSolr(SearchRequest.of(q, 0, 10)).hits()) {
                if (!locals.containsKey(h.id())) {
                    continue;
                }
                java.util.Set<String> l = markedWords(locals.get(h.id()));
                java.util.Set<String> r = markedWords(h.snippet());
                compared++;
                same += l.equals(r) ? 1 : 0;
                if (!l.equals(r)) {
                    differing.add(q + " #" + h.id() + ": local " + l + ", Solr " + r);
                }
                boolean localExact = !l.isEmpty() && typed.containsAll(l);
                boolean solrHasTyped = r.stream().anyMatch(typed::contains);
                if (localExact && solrHasTyped && !typed.containsAll(r)) {
                    wrong.add(q + " #" + h.id() + ": local " + l + ", Solr " + r);
                }
            }
        }
        System.out.printf("snippets of %d hits compared: the same words marked in %d (%.2f); differing: %s%n", compared, same,
                (double) same / compared, differing);
        assertTrue(compared >= 60, "hits compared: " + compared);
        assertEquals(List.of(), wrong);
        assertTrue(same >= 0.9 * compared, "the same words marked in " + same + " of " + compared);
    }

    @Test
    void moreLikeThisAnswersFromSolrWithoutTheDocumentItself() throws Exception {
        long id = local.search("quyết định", 0, 1).hits().get(0).id();
        List<SearchHit> hits = solr.similarSolr(id, 5).orElseThrow();
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().noneMatch(h -> h.id() == id));
        Set<Long> localIds = new HashSet<>(local.similar(id, 10).orElseThrow().stream().map(SearchHit::id).toList());
        assertTrue(hits.stream().anyMatch(h -> localIds.contains(h.id())), "like the local ones: " + hits + " / " + localIds);
        assertTrue(solr.similarSolr(999_999_999L, 5).isEmpty(), "a document not held");
    }

    @Test
    void aClusterThatCannotAnswerLeavesTheSearchToTheLocalIndex() {
        SolrSearch down = new SolrSearch(local, () -> {
            throw new IOException("connection refused");
        }, app.bean(vn.vanban.index.DocumentIndex.class).analyzer());
        SearchResult l = local.search("quyết định", 0, 5);
        assertEquals(l.hits().stream().map(SearchHit::id).toList(),
                down.search(SearchRequest.of("quyết định", 0, 5)).hits().stream().map(SearchHit::id).toList());
    }

    @Test
    void aRepositorySetToASolrCloudServesItsSearchesFromIt() throws Exception {
        try (var node = vn.vanban.support.TestApp.start(vn.vanban.support.Databases.H2, Map.of(
                "vanban.solr.urls", String.join(",", cloud.nodeUrls()), "vanban.solr.collection", "vanban_node",
                "vanban.solr.shards", 1, "vanban.solr.replicas", 1))) {
            DocumentSearch search = node.bean(DocumentSearch.class);
            assertTrue(search instanceof SolrSearch, "served by " + search.backend());
            Path f = fixtureTexts().get(0);
            long id = node.bean(vn.vanban.ingest.IngestService.class).ingest("test:" + f.getFileName(),
                    f.getFileName().toString(), Files.readAllBytes(f), false).id();
            String number = node.bean(vn.vanban.store.DocumentRepository.class).findById(id).orElseThrow().docNumber();
            // visible within Solr's soft commit; the search is Solr's own (searchSolr: no local fallback)
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            SearchResult r = ((SolrSearch) search).searchSolr(SearchRequest.of(number, 0, 5));
            while (r.total() == 0 && System.nanoTime() < end) {
                Thread.sleep(200);
                r = ((SolrSearch) search).searchSolr(SearchRequest.of(number, 0, 5));
            }
            assertEquals(id, r.hits().get(0).id(), number);
            // and through the HTTP API of the node
            var http = java.net.http.HttpClient.newHttpClient();
            var rsp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.serve() + "/api/search?q="
                    + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, rsp.statusCode());
            assertTrue(rsp.body().contains("\"id\":" + id), rsp.body());
        }
    }

    @Test
    void whatTheCollectionMissedWhileTheClusterWasDownIsSentWhenItAnswers(@TempDir Path dir) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>(vn.vanban.support.Databases.H2.properties(dir));
        props.put("vanban.watch", false);
        props.put("micronaut.server.port", -1);
        props.put("vanban.parse.ocr-enabled", false);
        props.put("vanban.solr.collection", "vanban_catchup");
        props.put("vanban.solr.shards", 1);
        props.put("vanban.solr.replicas", 1);
        props.put("vanban.solr.urls", "http://127.0.0.1:9/solr"); // nothing answers there: the cluster is down
        List<Long> ids = new ArrayList<>();
        var down = vn.vanban.support.TestApp.reopen(props);
        try (var node = down.context) { // closed without deleting its data, opened again below
            var ingest = down.bean(vn.vanban.ingest.IngestService.class);
            for (Path f : fixtureTexts().subList(0, 4)) {
                ids.add(ingest.ingest("test:" + f.getFileName(), f.getFileName().toString(), Files.readAllBytes(f), false).id());
            }
            down.bean(vn.vanban.correction.Deletions.class).delete(ids.get(1), "test", null);
            // stored and found locally all the same; each missed write noted once
            assertEquals(3, down.bean(SearchService.class).search("", 0, 10).total());
            assertEquals(4, down.bean(SolrPending.class).count());
        }
        props.put("vanban.solr.urls", String.join(",", cloud.nodeUrls())); // the cluster answers again
        try (var node = vn.vanban.support.TestApp.reopen(props)) {
            SolrCatchUp.Result r = node.bean(SolrCatchUp.class).reconcile();
            assertEquals(new SolrCatchUp.Result(3, 1), r, "the current documents sent once, the deleted one removed");
            assertEquals(0, node.bean(SolrPending.class).count());
            assertEquals(Set.of(ids.get(0), ids.get(2), ids.get(3)), solrIds("vanban_catchup"));
            // a document the collection lost another way (emptied by hand) is found missing at the next reconciliation
            collections.client().deleteById("vanban_catchup", Long.toString(ids.get(2)));
            collections.client().commit("vanban_catchup");
            assertEquals(new SolrCatchUp.Result(1, 0), node.bean(SolrCatchUp.class).reconcile());
            assertEquals(Set.of(ids.get(0), ids.get(2), ids.get(3)), solrIds("vanban_catchup"));
            // their tasks and deadlines too (the cited documents of the deleted one stay in the local items index, which
            // removes a document's own items only, and are not sent again)
            SolrSearch served = (SolrSearch) node.bean(DocumentSearch.class);
            SearchService own = node.bean(SearchService.class);
            long items = 0;
            for (String q : List.of("báo cáo", "trước ngày", "quyết định", "thực hiện")) {
                for (String kind : List.of("task", "deadline")) {
                    long total = own.searchItems(q, kind, 0, 10).total();
                    assertEquals(total, served.searchItemsSolr(q, kind, 0, 10).total(), q + " " + kind);
                    items += total;
                }
            }
            assertTrue(items > 0, "tasks and deadlines found");
        }
    }

    private Set<Long> solrIds(String collection) throws Exception {
        Set<Long> out = new java.util.TreeSet<>();
        collections.client().query(collection, new org.apache.solr.client.solrj.SolrQuery("*:*").setFields("id").setRows(100))
                .getResults().forEach(d -> out.add(Long.parseLong((String) d.getFieldValue("id"))));
        return out;
    }

    private static List<Path> fixtureTexts() throws IOException {
        return SolrCloudTest.fixtureTexts();
    }
}
