package vn.vanban.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.index.IndexFields;
import vn.vanban.search.DocumentSearch;
import vn.vanban.search.QueryFactory;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;

/**
 * Document search served by the SolrCloud collection, as {@link SearchService} serves it from the local index: the
 * same {@link QueryFactory} builds the queries ({@link SolrQueries} writes them for Solr); the first pass finds what
 * matches, with an exact spelling typed counting there when Solr counts it far rarer than its folded form; the first
 * {@value SearchService#RESCORE_WINDOW} hits are ranked again by the full query (Solr's rerank, its score replacing the
 * first), words typed without diacritics read from the texts of the first hits; facet counts over every hit; snippets
 * by Solr's unified highlighter, passages of the same length, matches marked; the numbers the query names counted
 * (held, citing); suggestions when nothing matches; more-like-this on the folded text. Scores are the same across
 * shards: the configset asks for exact distributed statistics.
 *
 * <p>When the cluster cannot answer (down, no live node), the search is answered from the local index, which every
 * node keeps in step, and this is logged once until Solr answers again; a query Solr refuses is an error, not hidden.
 */
public final class SolrSearch implements DocumentSearch {

    private static final Logger LOG = LoggerFactory.getLogger(SolrSearch.class);

    /** The connection to the cluster, made when first needed. */
    @FunctionalInterface
    public interface Connection {
        SolrCollections get() throws Exception;
    }

    private final SearchService local;
    private final Connection connection;
    private final QueryFactory queries;
    /** Whether the local index answers when the cluster cannot (else the failure is thrown). */
    private final boolean fallBack;
    private volatile boolean warned;

    public SolrSearch(SearchService local, Connection connection, org.apache.lucene.analysis.Analyzer analyzer) {
        this(local, connection, new QueryFactory(analyzer), true);
    }

    private SolrSearch(SearchService local, Connection connection, QueryFactory queries, boolean fallBack) {
        this.local = local;
        this.connection = connection;
        this.queries = queries;
        this.fallBack = fallBack;
    }

    /** This search without the local index behind it: a cluster that cannot answer is an error (for comparisons). */
    public SolrSearch strict() {
        return new SolrSearch(local, connection, queries, false);
    }

    @Override
    public String backend() {
        try {
            return "SolrCloud collection " + connection.get().collection();
        } catch (Exception e) {
            return "SolrCloud (unreachable: " + e.getMessage() + ")";
        }
    }

    @Override
    public SearchResult search(SearchRequest r) {
        SearchService.window(r.page(), r.size());
        SearchService.checkRanges(r);
        return answered(() -> searchSolr(r), () -> local.search(r));
    }

    @Override
    public Optional<List<SearchHit>> similar(long id, int size) {
        if (size < 1 || size > SearchService.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size between 1 and " + SearchService.MAX_PAGE_SIZE + " (got " + size + ")");
        }
        return answered(() -> similarSolr(id, size), () -> local.similar(id, size));
    }

    @Override
    public vn.vanban.search.ItemResult searchItems(String userQuery, String kind, int page, int size) {
        SearchService.checkItemRequest(userQuery, kind, page, size);
        return answered(() -> searchItemsSolr(userQuery, kind, page, size), () -> local.searchItems(userQuery, kind, page, size));
    }

    /** A request to the cluster. */
    private interface SolrCall<T> {
        T run() throws SolrServerException, IOException, UnavailableException;
    }

    /** Solr's answer; the local index's when the cluster cannot answer (and this search falls back), logged once. */
    private <T> T answered(SolrCall<T> solr, java.util.function.Supplier<T> fromLocal) {
        try {
            T result;
            try {
                result = solr.run();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause(); // a request made while the query was built (the first hits' texts)
            }
            warned = false;
            return result;
        } catch (SolrServerException | IOException | UnavailableException e) {
            if (!fallBack) {
                throw new IllegalStateException("SolrCloud cannot answer: " + e.getMessage(), e);
            }
            if (!warned) {
                LOG.warn("SolrCloud cannot answer ({}): searches are answered from the local index until it can", e.toString());
                warned = true;
            }
            return fromLocal.get();
        }
    }

    /** {@link #searchItems} answered by the items collection alone, as the local items index answers it. */
    vn.vanban.search.ItemResult searchItemsSolr(String userQuery, String kind, int page, int size)
            throws SolrServerException, IOException, UnavailableException {
        SearchService.checkItemRequest(userQuery, kind, page, size);
        Query base = queries.build(userQuery);
        ModifiableSolrParams p = new ModifiableSolrParams();
        SolrQueries solr = new SolrQueries(p, "vq");
        String q = solr.param(base);
        p.set("q", "{!v=$" + q + "}");
        if (kind != null && !kind.isBlank()) {
            p.add("fq", "{!term f=" + vn.vanban.index.ItemIndex.KIND + "}" + kind);
        }
        p.set("start", page * size);
        p.set("rows", size);
        p.set("fl", String.join(",", vn.vanban.index.ItemIndex.KEY, vn.vanban.index.ItemIndex.KIND,
                vn.vanban.index.ItemIndex.DOCUMENT, vn.vanban.index.ItemIndex.WHO, vn.vanban.index.ItemIndex.DUE,
                vn.vanban.index.ItemIndex.LABEL, IndexFields.BODY_FOLDED, "score"));
        // an item is a sentence or two: its passages are whole sentences, as the local items index gives them
        highlight(p, "{!v=$" + q + "}", true);
        SolrCollections c = cluster();
        QueryResponse rsp;
        try {
            rsp = c.client().query(c.items(), p, SolrRequest.METHOD.POST);
        } catch (SolrException e) {
            throw unavailable(e);
        }
        Map<String, Map<String, List<String>>> highlighting = rsp.getHighlighting();
        List<vn.vanban.search.ItemHit> hits = new ArrayList<>();
        for (SolrDocument d : rsp.getResults()) {
            String key = (String) d.getFieldValue(vn.vanban.index.ItemIndex.KEY);
            String k = (String) d.getFieldValue(vn.vanban.index.ItemIndex.KIND);
            Object doc = d.getFieldValue(vn.vanban.index.ItemIndex.DOCUMENT);
            Long citedId = k.equals("cited") ? Long.valueOf(key.substring(key.indexOf(':') + 1)) : null;
            List<String> marked = highlighting == null || highlighting.get(key) == null ? null
                    : highlighting.get(key).get(IndexFields.BODY_FOLDED);
            Object score = d.getFieldValue("score");
            hits.add(new vn.vanban.search.ItemHit(k, doc == null ? null : ((Number) doc).longValue(), citedId,
                    marked == null || marked.isEmpty() ? org.unbescape.html.HtmlEscape.escapeHtml5Xml(
                            (String) d.getFieldValue(IndexFields.BODY_FOLDED)) : String.join(" … ", marked),
                    (String) d.getFieldValue(vn.vanban.index.ItemIndex.WHO), (String) d.getFieldValue(vn.vanban.index.ItemIndex.DUE),
                    (String) d.getFieldValue(vn.vanban.index.ItemIndex.LABEL), score == null ? 0f : ((Number) score).floatValue()));
        }
        return new vn.vanban.search.ItemResult(userQuery, kind == null ? "" : kind, rsp.getResults().getNumFound(), page,
                size, hits);
    }

    /** The cluster could not be reached or has no live replica for a shard. */
    static final class UnavailableException extends Exception {
        UnavailableException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** {@link #search} answered by Solr alone: an unreachable cluster is an exception, not the local index. */
    SearchResult searchSolr(SearchRequest r) throws SolrServerException, IOException, UnavailableException {
        int page = r.page();
        int size = r.size();
        SearchService.window(page, size);
        SearchService.checkRanges(r);
        boolean words = r.query() != null && !r.query().isBlank();
        SearchRequest.Sort order = SearchService.order(r);

        // the counts the query needs from the whole collection: exact spellings against their folded forms, and the
        // documents bearing and citing each number it names — in one request
        List<Query> counted = new ArrayList<>();
        List<String[]> terms = words ? SearchService.matchingTerms(queries, r.query()) : List.of();
        for (String[] t : terms) {
            counted.add(new TermQuery(new org.apache.lucene.index.Term(t[0], t[1])));
        }
        List<QueryFactory.Lookup> lookups = words ? queries.lookups(r.query()) : List.of();
        for (QueryFactory.Lookup l : lookups) {
            counted.add(l.bearer());
            counted.add(l.citing());
        }
        long[] counts = counts(counted, null);
        Map<String, Long> docFreqs = new java.util.HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            docFreqs.put(terms.get(i)[0] + "\u0000" + terms.get(i)[1], counts[i]);
        }
        List<SearchResult.NumberFound> numbers = new ArrayList<>();
        for (int i = 0; i < lookups.size(); i++) {
            numbers.add(new SearchResult.NumberFound(lookups.get(i).printed(), counts[terms.size() + 2 * i],
                    counts[terms.size() + 2 * i + 1]));
        }

        Query matching = words ? SearchService.matchingQuery(queries, r.query(),
                (field, term) -> docFreqs.getOrDefault(field + "\u0000" + term, 0L)) : new MatchAllDocsQuery();
        ModifiableSolrParams p = new ModifiableSolrParams();
        SolrQueries solr = new SolrQueries(p, "vq");
        p.set("q", "{!v=$" + solr.param(matching) + "}");
        addFilters(r, p, solr);
        Query base = null;
        if (order == SearchRequest.Sort.RELEVANCE) {
            Query ranking = SearchService.rankingQuery(queries, r.query(), () -> firstTexts(matching, r));
            String rq = solr.param(ranking);
            p.set("rq", "{!rerank reRankQuery=$" + rq + " reRankDocs=" + SearchService.RESCORE_WINDOW
                    + " reRankWeight=1 reRankOperator=replace}");
            // the ranking's words beside the matching query at no weight: what matches and its first score stay, and
            // Solr's statistics from every shard (read from the main query) cover the ranking's words too
            p.set("q", "{!bool must=$" + solr.param(matching) + " should=$vz}");
            p.set("vz", "{!boost b=0 v=$" + rq + "}");
            base = ranking;
        } else {
            String dir = order == SearchRequest.Sort.NEWEST ? "desc" : "asc";
            p.set("sort", IndexFields.DATE_SORT + " " + dir + ",score desc");
            base = words ? queries.build(r.query()) : null;
        }
        p.set("start", page * size);
        p.set("rows", size);
        p.set("fl", String.join(",", SearchService.HIT_FIELDS) + "," + SolrDocuments.LEAD + ",score");
        p.set("facet", true);
        for (String dim : IndexFields.FACETS) {
            p.add("facet.field", dim);
        }
        p.set("facet.limit", SearchService.FACET_VALUES);
        p.set("facet.mincount", 1);
        p.set("facet.sort", "count");
        if (base != null) {
            // the numbers the query names are marked where a text prints them, as the local snippets mark them
            Query printed = queries.printedNumbers(r.query());
            Query marked = printed == null ? base : new BooleanQuery.Builder().add(base, BooleanClause.Occur.SHOULD)
                    .add(printed, BooleanClause.Occur.SHOULD).build();
            highlight(p, "{!v=$" + solr.param(marked) + "}", false);
        }
        java.util.Set<String> typed = base == null ? java.util.Set.of() : exactTerms(base);
        if (!typed.isEmpty()) {
            p.set("hl.snippets", TYPED_PASSAGES); // the two to show are chosen among them: see preferTyped
        }
        QueryResponse rsp = query(p);
        Map<String, Map<String, List<String>>> highlighting = rsp.getHighlighting();
        List<SearchHit> hits = new ArrayList<>();
        for (SolrDocument d : rsp.getResults()) {
            String id = (String) d.getFieldValue(IndexFields.ID);
            List<String> snippet = highlighting == null || highlighting.get(id) == null ? null
                    : highlighting.get(id).get(IndexFields.BODY_FOLDED);
            hits.add(hit(d, snippet == null || snippet.isEmpty() ? null : preferTyped(snippet, typed)));
        }
        Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
        for (String dim : IndexFields.FACETS) {
            FacetField f = rsp.getFacetField(dim);
            if (f == null || f.getValues() == null || f.getValues().isEmpty()) {
                continue;
            }
            facets.put(dim, f.getValues().stream().map(c -> new SearchResult.FacetCount(c.getName(), c.getCount())).toList());
        }
        long total = rsp.getResults().getNumFound();
        List<String> suggestions = new ArrayList<>();
        if (total == 0 && words) {
            List<String> candidates = SearchService.suggestionCandidates(r.query());
            long[] found = counts(candidates.stream().map(queries::buildMatching).toList(), r);
            for (int i = 0; i < candidates.size(); i++) {
                if (found[i] > 0) {
                    suggestions.add(candidates.get(i));
                }
            }
        }
        return new SearchResult(r.query() == null ? "" : r.query(), total, page, size,
                order.name().toLowerCase(java.util.Locale.ROOT), hits, facets, numbers, suggestions);
    }

    /**
     * Highlighting as the local snippets do it: two passages HTML-escaped, matches in {@code <mark>} — of about
     * {@value SearchService#PASSAGE_CHARS} characters broken at a space, or with {@code sentences} whole sentences
     * (items).
     */
    private static void highlight(ModifiableSolrParams p, String query, boolean sentences) {
        p.set("hl", true);
        p.set("hl.method", "unified");
        p.set("hl.fl", IndexFields.BODY_FOLDED);
        p.set("hl.q", query);
        p.set("hl.snippets", 2);
        p.set("hl.tag.pre", "<mark>");
        p.set("hl.tag.post", "</mark>");
        p.set("hl.encoder", "html");
        if (sentences) {
            p.set("hl.bs.type", "SENTENCE");
            p.set("hl.fragsize", 0);
        } else {
            p.set("hl.bs.type", "SEPARATOR");
            p.set("hl.bs.separator", " ");
            p.set("hl.fragsize", SearchService.PASSAGE_CHARS);
            p.set("hl.fragAlignRatio", "0.5");
            p.set("hl.fragsizeIsMinimum", false);
            p.set("hl.maxAnalyzedChars", 1_000_000);
        }
        p.set("hl.defaultSummary", false);
        p.set("hl.requireFieldMatch", false);
        p.set("hl.usePhraseHighlighter", false);
        p.set("hl.highlightMultiTerm", false);
        p.set("hl.weightMatches", false);
    }

    /** The filters of {@code r} (none when null) as filter queries: facet values as terms, years and days as ranges. */
    private static void addFilters(SearchRequest r, ModifiableSolrParams p, SolrQueries solr) {
        if (r == null) {
            return;
        }
        for (Query f : filters(r)) {
            p.add("fq", "{!v=$" + solr.param(f) + "}");
        }
        for (String range : ranges(r)) {
            p.add("fq", range);
        }
    }

    /** The request's facet filters as queries: each value a term of its dimension's field. */
    static List<Query> filters(SearchRequest r) {
        return SearchService.facetFilters(r).entrySet().stream()
                .<Query>map(f -> new TermQuery(new org.apache.lucene.index.Term(f.getKey(), f.getValue()))).toList();
    }

    /** The year and day ranges of {@code r}, as Solr range filters (none when open). */
    private static List<String> ranges(SearchRequest r) {
        List<String> out = new ArrayList<>();
        if (r.yearFrom() != null || r.yearTo() != null) {
            out.add(IndexFields.YEAR_POINT + ":[" + (r.yearFrom() == null ? "*" : r.yearFrom()) + " TO "
                    + (r.yearTo() == null ? "*" : r.yearTo()) + "]");
        }
        if (r.dateFrom() != null || r.dateTo() != null) {
            out.add(IndexFields.DATE_POINT + ":[" + (r.dateFrom() == null ? "*" : r.dateFrom().toEpochDay()) + " TO "
                    + (r.dateTo() == null ? "*" : r.dateTo().toEpochDay()) + "]");
        }
        return out;
    }

    /** The stored texts of the first hits of {@code matching}, best first: where the reading of plain words is read. */
    private List<String> firstTexts(Query matching, SearchRequest r) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        SolrQueries solr = new SolrQueries(p, "vq");
        p.set("q", "{!v=$" + solr.param(matching) + "}");
        addFilters(r, p, solr);
        p.set("rows", SearchService.READING_DOCUMENTS);
        p.set("fl", IndexFields.BODY_FOLDED);
        try {
            List<String> texts = new ArrayList<>();
            for (SolrDocument d : query(p).getResults()) {
                texts.add((String) d.getFieldValue(IndexFields.BODY_FOLDED));
            }
            return texts;
        } catch (SolrServerException | IOException | UnavailableException e) {
            // out of the query builder unchecked, taken back as the cluster failing by answered(…)
            throw new java.io.UncheckedIOException(new IOException("SolrCloud could not give the first hits' texts", e));
        }
    }

    /** How many documents each of {@code queries} matches within the filters of {@code r} (null: all), in one request. */
    private long[] counts(List<Query> queries, SearchRequest r) throws SolrServerException, IOException, UnavailableException {
        long[] out = new long[queries.size()];
        if (queries.isEmpty()) {
            return out;
        }
        ModifiableSolrParams p = new ModifiableSolrParams();
        SolrQueries solr = new SolrQueries(p, "cq");
        p.set("q", "*:*");
        addFilters(r, p, solr);
        p.set("rows", 0);
        p.set("facet", true);
        for (int i = 0; i < queries.size(); i++) {
            // the query by reference after the key: a shard request repeats the facet query as written, and the
            // query itself may hold spaces
            p.add("facet.query", "{!key=c" + i + "}{!v=$" + solr.param(queries.get(i)) + "}");
        }
        Map<String, Integer> found = query(p).getFacetQuery();
        for (int i = 0; i < out.length; i++) {
            out[i] = found.getOrDefault("c" + i, 0);
        }
        return out;
    }

    /** {@link #similar} answered by Solr alone. */
    Optional<List<SearchHit>> similarSolr(long id, int size) throws SolrServerException, IOException, UnavailableException {
        SolrCollections c = cluster();
        try {
            if (c.client().getById(c.collection(), Long.toString(id)) == null) {
                return Optional.empty();
            }
        } catch (SolrException e) {
            throw unavailable(e);
        }
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "{!mlt qf=" + IndexFields.BODY_FOLDED + " mintf=" + SearchService.MLT_MIN_TERM_FREQ + " mindf="
                + SearchService.MLT_MIN_DOC_FREQ + " maxqt=" + SearchService.MLT_MAX_QUERY_TERMS + " maxntp="
                + SearchService.MLT_MAX_TOKENS + "}" + id);
        p.set("fq", "{!lucene}*:* -" + IndexFields.ID + ":" + id);
        p.set("rows", size);
        p.set("fl", String.join(",", SearchService.HIT_FIELDS) + "," + SolrDocuments.LEAD + ",score");
        List<SearchHit> hits = new ArrayList<>();
        for (SolrDocument d : query(p).getResults()) {
            hits.add(hit(d, null));
        }
        return Optional.of(hits);
    }

    /** The exact spellings {@code query} looks for: its terms on the exact body field (outside its exclusions). */
    static java.util.Set<String> exactTerms(Query query) {
        java.util.Set<String> out = new java.util.HashSet<>();
        query.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return field.equals(IndexFields.BODY);
            }

            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
                for (var t : terms) {
                    out.add(t.text());
                }
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return out;
    }

    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("<mark>(.*?)</mark>");
    private static final org.apache.lucene.analysis.Analyzer EXACT = vn.vanban.index.VietnameseAnalyzer.exact();

    private static final org.apache.lucene.search.uhighlight.PassageScorer PASSAGE_SCORER =
            new org.apache.lucene.search.uhighlight.PassageScorer();

    /** Passages asked of Solr when the query looks for exact spellings, to choose the two to show from. */
    static final int TYPED_PASSAGES = 20;

    /**
     * The snippet of {@code passages} (Solr's, in the text's order), as the local snippets make it. Solr highlights the
     * folded text (the one it stores) and so marks every spelling of a word; the local index marks the spellings
     * typed ("bão", not every "bảo" and "báo") when the query looks for some, and shows the start of a text holding
     * none of them unmarked. So here: without spellings typed, the first two passages as they are; with them, the two
     * best passages holding one of them, other spellings' marks taken off; none: null (the start of the text).
     */
    static String preferTyped(List<String> passages, java.util.Set<String> typed) {
        if (typed.isEmpty()) {
            return String.join(" … ", passages.subList(0, Math.min(2, passages.size())));
        }
        record Passage(int at, String text, double score) {
        }
        List<Passage> holding = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            java.util.regex.Matcher m = MARK.matcher(passages.get(i));
            StringBuilder out = new StringBuilder(passages.get(i).length());
            Map<String, Integer> found = new java.util.HashMap<>();
            while (m.find()) {
                String word = org.unbescape.html.HtmlEscape.unescapeHtml(m.group(1));
                boolean exact = isTyped(word, typed);
                if (exact) {
                    found.merge(word.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                }
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(exact ? m.group() : m.group(1)));
            }
            m.appendTail(out);
            if (!found.isEmpty()) {
                // scored as Lucene's highlighter scores passages (its PassageScorer: each word's count saturated, longer
                // passages discounted)
                int length = org.unbescape.html.HtmlEscape.unescapeHtml(passages.get(i).replace("<mark>", "").replace("</mark>", "")).length();
                double score = 0;
                for (int freq : found.values()) {
                    score += PASSAGE_SCORER.tf(freq, length);
                }
                holding.add(new Passage(i, out.toString(), score));
            }
        }
        // the two best of those holding a word typed, shown in the text's order
        List<String> chosen = holding.stream()
                .sorted(java.util.Comparator.comparingDouble(Passage::score).reversed().thenComparingInt(Passage::at)).limit(2)
                .sorted(java.util.Comparator.comparingInt(Passage::at)).map(Passage::text).toList();
        return chosen.isEmpty() ? null : String.join(" … ", chosen);
    }

    /** Whether every word of {@code marked}, as the exact field reads it, is one of {@code typed}. */
    private static boolean isTyped(String marked, java.util.Set<String> typed) {
        try (var ts = EXACT.tokenStream(IndexFields.BODY, marked)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            boolean any = false;
            boolean all = true;
            while (ts.incrementToken()) {
                any = true;
                all &= typed.contains(term.toString());
            }
            ts.end();
            return any && all;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A hit from a document Solr returned, with {@code snippet} (null: the start of its text). */
    private static SearchHit hit(SolrDocument d, String snippet) {
        Object score = d.getFieldValue("score");
        return SearchHit.of(f -> d.getFieldValue(f) == null ? null : d.getFieldValue(f).toString(),
                score == null ? 0f : ((Number) score).floatValue(),
                snippet != null ? snippet : SearchService.leadSnippet((String) d.getFieldValue(SolrDocuments.LEAD)));
    }

    private SolrCollections cluster() throws UnavailableException {
        try {
            return connection.get();
        } catch (Exception e) {
            throw new UnavailableException(e);
        }
    }

    private QueryResponse query(ModifiableSolrParams p) throws SolrServerException, IOException, UnavailableException {
        SolrCollections c = cluster();
        try {
            return c.client().query(c.collection(), p, SolrRequest.METHOD.POST);
        } catch (SolrException e) {
            throw unavailable(e);
        }
    }

    /** A server-side failure (no live replica, a node gone mid-request) as unavailable; a refused query as itself. */
    private static UnavailableException unavailable(SolrException e) {
        if (e.code() >= 500 || e.code() <= 0) {
            return new UnavailableException(e);
        }
        throw e;
    }
}
