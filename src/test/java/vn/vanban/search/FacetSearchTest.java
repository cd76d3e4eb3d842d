package vn.vanban.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vanban.index.DocumentIndex;
import vn.vanban.ingest.IngestService;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * Filters, facets, sorting and paging over the dev documents and a few gazette documents, checked against what the
 * database holds of each document (not against figures copied from a run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetSearchTest {

    TestApp app;
    SearchService search;
    DocumentRepository documents;
    DeadlineRepository deadlines;
    String base;
    final HttpClient http = HttpClient.newHttpClient();
    final Set<Long> ids = new HashSet<>();

    @BeforeAll
    void ingest() {
        app = TestApp.start(Databases.H2);
        IngestService ingest = app.bean(IngestService.class);
        for (var p : Fixtures.files("dev")) {
            ids.add(ingest.ingestFile(p, false).id());
        }
        for (var p : Fixtures.files("gazette")) {
            ids.add(ingest.ingestFile(p, false).id());
        }
        search = app.bean(SearchService.class);
        documents = app.bean(DocumentRepository.class);
        deadlines = app.bean(DeadlineRepository.class);
        base = app.serve();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private SearchResult browse(SearchRequest.Sort sort, int size) {
        return search.search(new SearchRequest("", null, null, null, null, null, null, null, null, null, null, null, sort, 0, size));
    }

    private static Map<String, Long> counts(SearchResult r, String dim) {
        Map<String, Long> m = new java.util.HashMap<>();
        for (SearchResult.FacetCount c : r.facets().getOrDefault(dim, List.of())) {
            m.put(c.value(), c.count());
        }
        return m;
    }

    @Test
    void facetCountsMatchTheDocuments() {
        SearchResult all = browse(SearchRequest.Sort.NEWEST, 100);
        assertEquals(ids.size(), all.total());
        Map<String, Long> types = new java.util.HashMap<>();
        long drafts = 0;
        long withDeadlines = 0;
        for (long id : ids) {
            StoredDocument d = documents.findById(id).orElseThrow();
            if (d.docType() != null) {
                types.merge(d.docType(), 1L, Long::sum);
            }
            drafts += d.draft() ? 1 : 0;
            withDeadlines += deadlines.existsByDocumentId(id) ? 1 : 0;
        }
        assertEquals(types, counts(all, "type"));
        assertEquals(drafts, counts(all, "status").getOrDefault("draft", 0L));
        assertEquals(ids.size() - drafts, counts(all, "status").getOrDefault("final", 0L));
        assertEquals(withDeadlines, counts(all, "deadlines").getOrDefault("yes", 0L));
        assertTrue(drafts > 0 && withDeadlines > 0, "the dev documents include drafts and deadlines");
        // the dev documents: two from Bắc Kạn (one names only its place), one each from three other provinces
        Map<String, Long> provinces = counts(all, "province");
        assertEquals(2L, provinces.get("Bắc Kạn"), provinces.toString());
        assertEquals(1L, provinces.get("Cao Bằng"), provinces.toString());
        assertTrue(provinces.getOrDefault("Trung ương", 0L) > 0, "gazette documents come from central bodies: " + provinces);
        assertTrue(counts(all, "issuer").containsKey("Chính phủ"), "a Nghị định's issuer from its symbol: " + counts(all, "issuer"));
        assertEquals(5L, counts(all, "field").get("Thông tin và truyền thông"), counts(all, "field").toString());
    }

    @Test
    void theIssuerFacetHasOneValuePerBody() {
        Map<String, Long> issuers = counts(browse(SearchRequest.Sort.NEWEST, 100), "issuer");
        Set<String> bodies = new HashSet<>();
        vn.vanban.extract.DocumentTypes types = new vn.vanban.extract.DocumentTypes();
        for (String v : issuers.keySet()) {
            assertTrue(bodies.add(v.toLowerCase(java.util.Locale.ROOT)), "one value per body, whatever its capitals: " + issuers);
            assertTrue(types.byName(v) == null, "a document type is no issuer: " + v);
        }
        assertTrue(issuers.containsKey("Bộ Lao động - Thương binh và Xã hội"), "written as the ministry writes it: " + issuers);
    }

    @Test
    void everyFacetValueFiltersToItsCount() {
        SearchResult all = browse(SearchRequest.Sort.NEWEST, 10);
        for (String dim : List.of("type", "province", "field", "issuer", "year")) {
            for (SearchResult.FacetCount c : all.facets().get(dim)) {
                SearchRequest r = new SearchRequest("", dim.equals("type") ? c.value() : null,
                        dim.equals("issuer") ? c.value() : null, dim.equals("province") ? c.value() : null,
                        dim.equals("field") ? c.value() : null,
                        dim.equals("year") ? Integer.valueOf(c.value()) : null,
                        dim.equals("year") ? Integer.valueOf(c.value()) : null,
                        null, null, null, null, null, SearchRequest.Sort.NEWEST, 0, 100);
                SearchResult filtered = search.search(r);
                assertEquals(c.count(), filtered.total(), dim + "=" + c.value());
                assertEquals(List.of(new SearchResult.FacetCount(c.value(), c.count())), filtered.facets().get(dim),
                        "a filtered dimension counts only its value");
            }
        }
    }

    @Test
    void booleanFiltersSplitTheDocuments() {
        long drafts = search.search(new SearchRequest("", null, null, null, null, null, null, null, null, true, null, null,
                SearchRequest.Sort.RELEVANCE, 0, 100)).total();
        long finals = search.search(new SearchRequest("", null, null, null, null, null, null, null, null, false, null, null,
                SearchRequest.Sort.RELEVANCE, 0, 100)).total();
        assertEquals(ids.size(), drafts + finals);
        SearchResult with = search.search(new SearchRequest("", null, null, null, null, null, null, null, null, null, true, null,
                SearchRequest.Sort.RELEVANCE, 0, 100));
        for (SearchHit h : with.hits()) {
            assertTrue(deadlines.existsByDocumentId(h.id()), "hit " + h.id() + " sets deadlines");
        }
        SearchResult without = search.search(new SearchRequest("", null, null, null, null, null, null, null, null, null,
                false, null, SearchRequest.Sort.RELEVANCE, 0, 100));
        for (SearchHit h : without.hits()) {
            assertFalse(deadlines.existsByDocumentId(h.id()), "hit " + h.id() + " sets none");
        }
        assertEquals(ids.size(), with.total() + without.total());
    }

    @Test
    void dateRangeKeepsDocumentsIssuedWithinIt() {
        LocalDate from = LocalDate.of(2019, 1, 1);
        LocalDate to = LocalDate.of(2019, 12, 31);
        SearchResult r = search.search(new SearchRequest("", null, null, null, null, null, null, from, to, null, null, null,
                SearchRequest.Sort.OLDEST, 0, 100));
        assertTrue(r.total() >= 2, "two dev documents are from 2019");
        for (SearchHit h : r.hits()) {
            LocalDate d = DocumentIndex.startOf(h.date());
            assertTrue(!d.isBefore(from) && !d.isAfter(to), h.date());
        }
        SearchResult years = search.search(new SearchRequest("", null, null, null, null, 2019, 2019, null, null, null, null, null,
                SearchRequest.Sort.OLDEST, 0, 100));
        assertEquals(r.total(), years.total(), "the year range and the date range agree");
        assertThrows(IllegalArgumentException.class, () -> search.search(new SearchRequest("", null, null, null, null,
                2020, 2019, null, null, null, null, null, SearchRequest.Sort.OLDEST, 0, 10)));
    }

    @Test
    void sortsByDateEitherWayWithUndatedLast() {
        for (SearchRequest.Sort sort : List.of(SearchRequest.Sort.NEWEST, SearchRequest.Sort.OLDEST)) {
            List<SearchHit> hits = browse(sort, 100).hits();
            LocalDate previous = null;
            boolean undated = false;
            for (SearchHit h : hits) {
                LocalDate d = DocumentIndex.startOf(h.date());
                if (d == null) {
                    undated = true;
                    continue;
                }
                assertFalse(undated, "a dated hit after an undated one: " + h.date());
                if (previous != null) {
                    assertTrue(sort == SearchRequest.Sort.NEWEST ? !d.isAfter(previous) : !d.isBefore(previous),
                            sort + ": " + previous + " then " + d);
                }
                previous = d;
            }
        }
        // words, sorted by date: the same hits as by relevance
        SearchResult byScore = search.search(SearchRequest.of("thông tin", 0, 100));
        SearchResult byDate = search.search(new SearchRequest("thông tin", null, null, null, null, null, null, null, null,
                null, null, null, SearchRequest.Sort.NEWEST, 0, 100));
        assertEquals(byScore.total(), byDate.total());
        assertEquals(new HashSet<>(byScore.hits().stream().map(SearchHit::id).toList()),
                new HashSet<>(byDate.hits().stream().map(SearchHit::id).toList()));
    }

    @Test
    void pagesDoNotOverlapAndKeepTheTotal() {
        Set<Long> seen = new HashSet<>();
        long total = -1;
        for (int page = 0; ; page++) {
            SearchResult r = search.search(new SearchRequest("", null, null, null, null, null, null, null, null, null, null, null,
                    SearchRequest.Sort.NEWEST, page, 3));
            if (total >= 0) {
                assertEquals(total, r.total());
            }
            total = r.total();
            if (r.hits().isEmpty()) {
                break;
            }
            for (SearchHit h : r.hits()) {
                assertTrue(seen.add(h.id()), "hit " + h.id() + " on two pages");
            }
        }
        assertEquals(ids, seen);
    }

    @Test
    void filtersAndFacetsOverHttp() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + enc("nhiệm vụ") + "&province=" + enc("Bắc Kạn") + "&sort=newest");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"facets\":{"), r.body());
        assertTrue(r.body().contains("\"province\":[{\"value\":\"Bắc Kạn\",\"count\":2}]"), r.body());
        assertTrue(r.body().contains("\"sort\":\"newest\""), r.body());
        HttpResponse<String> browse = get("/api/search?hasDeadlines=true&size=1");
        assertEquals(200, browse.statusCode(), browse.body());
        assertTrue(browse.body().contains("\"deadlines\":[{\"value\":\"yes\""), browse.body());
        HttpResponse<String> badDate = get("/api/search?dateFrom=" + enc("20/7/2023"));
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("YYYY-MM-DD"), badDate.body());
        HttpResponse<String> badSort = get("/api/search?q=a&sort=popular");
        assertEquals(400, badSort.statusCode());
        assertTrue(badSort.body().contains("relevance, newest or oldest"), badSort.body());
    }

    @Test
    void fullTextWithTheQueryWordsMarked() throws Exception {
        long guide = devId("000_");
        HttpResponse<String> r = get("/api/documents/" + guide + "/highlight?q=" + enc("chu ky so"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(r.body().matches("(?s).*<mark>chữ</mark> <mark>ký</mark> <mark>số</mark>.*"), "words typed without diacritics marked");
        String unmarked = r.body().replace("<mark>", "").replace("</mark>", "");
        assertFalse(unmarked.contains("<") || unmarked.contains(">"), "no tag but the marks");
        String unescaped = unmarked.replace("&#x2F;", "/").replace("&#x27;", "'").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assertEquals(app.bean(vn.vanban.store.DocumentTextRepository.class).findNormalizedTextByDocumentId(guide).orElseThrow(), unescaped, "the whole text, nothing cut");
        assertEquals(404, get("/api/documents/987654/highlight?q=a").statusCode());
        assertEquals(400, get("/api/documents/" + guide + "/highlight?q=").statusCode());
    }

    @Test
    void moreLikeThisFindsTheOtherReportsOfTheSameField() throws Exception {
        long guide = devId("000_");
        List<SearchHit> similar = search.similar(guide, 3).orElseThrow();
        assertEquals(3, similar.size());
        Set<Long> dev = new HashSet<>();
        for (String prefix : List.of("001_", "002_", "003_", "004_")) {
            dev.add(devId(prefix));
        }
        for (SearchHit h : similar) {
            assertTrue(dev.contains(h.id()), "a provincial information report, not a gazette decree: " + h.fileName());
        }
        HttpResponse<String> r = get("/api/documents/" + guide + "/similar?size=2");
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("\"id\":" + guide + ","), "not itself");
        assertEquals(404, get("/api/documents/987654/similar").statusCode());
    }

    private long devId(String prefix) {
        return ids.stream().filter(id -> documents.findById(id).orElseThrow().fileName().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void fieldsTableClassesItsExamples() {
        Fields fields = Fields.load();
        for (Fields.Field f : fields.all()) {
            assertFalse(f.examples().isEmpty(), f.name() + " has examples");
            for (String ex : f.examples()) {
                assertEquals(f.name(), fields.classify(ex, null), "[" + ex + "]");
            }
        }
        assertNull(fields.classify("Giấy mời họp", "Kính mời đại biểu đến dự cuộc họp."), "no keyword: no field");
        assertEquals("Thông tin và truyền thông", fields.classify("Ứng dụng công nghệ thông tin", null),
                "the longest keyword wins: not Khoa học và công nghệ");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
