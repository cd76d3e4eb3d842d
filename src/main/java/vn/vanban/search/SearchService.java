package vn.vanban.search;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import vn.vanban.index.DocumentIndex;
import vn.vanban.index.IndexFields;

/** Runs queries against the index and returns ranked, highlighted hits. Thread-safe. */
@Singleton
public class SearchService implements DocumentSearch {

    /** Largest page size a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_WINDOW = 10_000;

    private final DocumentIndex index;
    private final vn.vanban.index.ItemIndex items;
    private final QueryFactory queries;

    public SearchService(DocumentIndex index, vn.vanban.index.ItemIndex items) {
        this.index = index;
        this.items = items;
        this.queries = new QueryFactory(index.analyzer());
    }

    @Override
    public String backend() {
        return "local";
    }

    /**
     * The number of hits a request for page {@code page} of {@code size} reads: the pages up to it.
     *
     * @throws IllegalArgumentException for a page or size out of bounds, or a window beyond what is served
     */
    public static int window(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE
                    + " (got page=" + page + ", size=" + size + ")");
        }
        int window = (page + 1) * size;
        if (window > MAX_WINDOW) {
            throw new IllegalArgumentException("results beyond the first " + MAX_WINDOW + " are not served; refine the query");
        }
        return window;
    }

    /** The order of {@code r}'s hits: by relevance only when there are words to rank by. */
    public static SearchRequest.Sort order(SearchRequest r) {
        boolean words = r.query() != null && !r.query().isBlank();
        SearchRequest.Sort order = r.sort() == null ? SearchRequest.Sort.RELEVANCE : r.sort();
        return !words && order == SearchRequest.Sort.RELEVANCE ? SearchRequest.Sort.NEWEST : order; // nothing to rank by
    }

    @Override
    public SearchResult search(SearchRequest r) {
        int page = r.page();
        int size = r.size();
        int window = window(page, size);
        boolean words = r.query() != null && !r.query().isBlank();
        SearchRequest.Sort order = order(r);
        Sort sort = switch (order) {
            case RELEVANCE -> null;
            case NEWEST -> new Sort(dateSort(true), SortField.FIELD_SCORE);
            case OLDEST -> new Sort(dateSort(false), SortField.FIELD_SCORE);
        };
        String sortName = order.name().toLowerCase(java.util.Locale.ROOT);
        return index.withSearcher(searcher -> {
            SharedTermStates terms = new SharedTermStates(searcher); // each term looked up once a search
            // what matches, cheaply over every hit (for facets and the total); the ranking boosts only on the best
            Query query = filtered(words ? matchingQuery(queries, terms, r.query()) : new MatchAllDocsQuery(), r);
            FirstPass fr = sort == null ? firstPass(searcher, query, Math.max(window, RESCORE_WINDOW), terms)
                    : FirstPass.of(FacetsCollectorManager.search(searcher, query, window, sort, true, new FacetsCollectorManager()));
            Query base = words ? (sort == null ? rankingQuery(queries, searcher, r.query(), fr.topDocs().scoreDocs)
                    : queries.build(r.query())) : new MatchAllDocsQuery();
            TopDocs top = sort == null && words ? rescoredHead(searcher, terms.apply(base), fr.topDocs(), window) : fr.topDocs();
            Map<String, List<SearchResult.FacetCount>> facets = facets(searcher, fr.facetsCollector());
            ScoreDoc[] all = top.scoreDocs;
            int from = Math.min(page * size, all.length);
            int to = Math.min(from + size, all.length);
            ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(all, from, to);
            List<SearchHit> hits = hits(searcher, pageDocs, words ? r.query() : null, base);
            List<SearchResult.NumberFound> numbers = words ? numbersFound(searcher, r.query()) : List.of();
            long total = fr.total();
            return new SearchResult(r.query() == null ? "" : r.query(), total, page, size, sortName, hits, facets,
                    numbers, total == 0 && words ? suggestions(searcher, r) : List.of());
        });
    }

    /** The hits of a page, with their snippets for {@code userQuery} (null: browsing, the start of each text). */
    private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] pageDocs, String userQuery, Query base) throws IOException {
        String[] snippets = new String[pageDocs.length];
        if (pageDocs.length > 0 && userQuery != null) {
            int[] docIds = new int[pageDocs.length];
            for (int i = 0; i < pageDocs.length; i++) {
                docIds[i] = pageDocs[i].doc;
            }
            // the numbers the query names are marked where a text prints them, in the sentence citing them
            Query numbers = queries.printedNumbers(userQuery);
            Query marked = numbers == null ? base : new BooleanQuery.Builder().add(base, BooleanClause.Occur.SHOULD)
                    .add(numbers, BooleanClause.Occur.SHOULD).build();
            snippets = snippets(searcher, index.analyzer(), marked, docIds);
        }
        List<SearchHit> hits = new ArrayList<>(pageDocs.length);
        for (int i = 0; i < pageDocs.length; i++) {
            Document d = searcher.storedFields().document(pageDocs[i].doc, HIT_FIELDS); // not the whole text
            String snippet = snippets[i] != null ? snippets[i] : leadSnippet(searcher.storedFields()
                    .document(pageDocs[i].doc, java.util.Set.of(IndexFields.BODY_FOLDED)).get(IndexFields.BODY_FOLDED));
            hits.add(SearchHit.of(d, Float.isNaN(pageDocs[i].score) ? 0f : pageDocs[i].score, snippet));
        }
        return hits;
    }

    /** The numbers {@code userQuery} names: how many held documents bear each, how many cite it. */
    private List<SearchResult.NumberFound> numbersFound(IndexSearcher searcher, String userQuery) throws IOException {
        List<SearchResult.NumberFound> numbers = new ArrayList<>();
        for (QueryFactory.Lookup l : queries.lookups(userQuery)) {
            numbers.add(new SearchResult.NumberFound(l.printed(), searcher.count(l.bearer()), searcher.count(l.citing())));
        }
        return numbers;
    }

    /**
     * Queries that find something when {@code r}'s finds nothing, each checked against the index with the request's
     * filters: its words without diacritics (a misplaced accent matches nothing exactly), then without its last word.
     */
    private List<String> suggestions(IndexSearcher searcher, SearchRequest r) throws IOException {
        List<String> out = new ArrayList<>();
        for (String c : suggestionCandidates(r.query())) {
            if (searcher.count(filtered(queries.buildMatching(c), r)) > 0) {
                out.add(c);
            }
        }
        return out;
    }

    /** The queries tried when {@code userQuery} finds nothing, in order: without diacritics, without the last word. */
    public static List<String> suggestionCandidates(String userQuery) {
        String q = userQuery.strip();
        String plain = vn.vanban.normalize.Folding.fold(q);
        String[] words = q.split("\\s+");
        List<String> candidates = new ArrayList<>();
        if (!plain.equals(q.toLowerCase(java.util.Locale.ROOT))) {
            candidates.add(plain);
        }
        if (words.length > 1) {
            String shorter = String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)).replace("\"", "");
            if (!shorter.isBlank() && !candidates.contains(shorter)) {
                candidates.add(shorter);
            }
        }
        return candidates;
    }

    /** How much rarer than its folded form an exact spelling must be to count in the first pass. */
    static final int RARE_EXACT = 4;

    /** The first pass of a search: its best hits, the facet collector over every hit, and how many hit. */
    public record FirstPass(TopDocs topDocs, FacetsCollector facetsCollector, long total) {
        /** A first pass made in one (a sorted search collects every hit anyway). */
        public static FirstPass of(FacetsCollectorManager.FacetsResult r) {
            return new FirstPass(r.topDocs(), r.facetsCollector(), r.topDocs().totalHits.value());
        }
    }

    /**
     * The {@code n} best hits of {@code query} and the facet collector over all of them. A query that reads word
     * positions (a phrase) is run in two passes: the facets collect every hit without scoring it, then the hits are
     * ranked apart with each phrase scored as its words ({@link FirstPassScoring}), so no position is read twice and
     * Lucene can skip the postings that cannot enter the best hits (block-max WAND). A query without one is run in a
     * single pass that counts, collects and ranks every hit: measured at 100,000 documents, a second pass over the
     * same postings cost more than the skipping saved (hits of common words score alike, so little is skipped).
     */
    public static FirstPass firstPass(IndexSearcher searcher, Query query, int n) throws IOException {
        return firstPass(searcher, query, n, new SharedTermStates(searcher));
    }

    /** As {@link #firstPass(IndexSearcher, Query, int)}, each term's statistics taken from (or added to) {@code terms}. */
    public static FirstPass firstPass(IndexSearcher searcher, Query query, int n, SharedTermStates terms) throws IOException {
        query = terms.apply(query);
        if (!FirstPassScoring.ranksApart(searcher, query)) {
            return FirstPass.of(FacetsCollectorManager.search(searcher, query, n, new FacetsCollectorManager()));
        }
        FacetsCollector all = searcher.search(query, new FacetsCollectorManager());
        long total = 0;
        for (FacetsCollector.MatchingDocs m : all.getMatchingDocs()) {
            total += m.totalHits();
        }
        // the total is counted above: the best hits need no count of their own, so Lucene may skip hits that cannot
        // enter them (block-max WAND) from the n-th on, not only after the first thousand
        // which documents match is settled: they are ranked without reading the phrases' positions again
        Query scoring = FirstPassScoring.of(searcher, query, all, total);
        return new FirstPass(searcher.search(scoring == null ? query : terms.apply(scoring),
                new org.apache.lucene.search.TopScoreDocCollectorManager(n, null, n)), all, total);
    }

    /**
     * The first-pass query of {@code userQuery}: what matches, with the exact spellings typed that are far rarer in
     * the index than their folded forms ("bão" beside all the "bảo"), so the hits holding them reach the ranking.
     */
    public static Query matchingQuery(QueryFactory queries, IndexSearcher searcher, String userQuery) {
        return matchingQuery(queries, new SharedTermStates(searcher), userQuery);
    }

    /** As {@link #matchingQuery(QueryFactory, IndexSearcher, String)}, the terms counted through {@code terms}. */
    public static Query matchingQuery(QueryFactory queries, SharedTermStates terms, String userQuery) {
        return matchingQuery(queries, userQuery, (field, t) -> {
            try {
                return terms.docFreq(new org.apache.lucene.index.Term(field, t));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** How many documents hold a term of a field. */
    @FunctionalInterface
    public interface DocFreqs {
        long of(String field, String term);
    }

    /** The first-pass query of {@code userQuery}, with the documents holding each term counted by {@code docFreqs}. */
    public static Query matchingQuery(QueryFactory queries, String userQuery, DocFreqs docFreqs) {
        return queries.buildMatching(userQuery, t -> {
            String folded = vn.vanban.normalize.Folding.fold(t);
            return !folded.equals(t) && docFreqs.of(IndexFields.BODY, t) * RARE_EXACT
                    < docFreqs.of(IndexFields.BODY_FOLDED, folded);
        });
    }

    /**
     * The terms whose counts {@link #matchingQuery(QueryFactory, String, DocFreqs)} asks for {@code userQuery}: field and
     * term, to count them all at once where each count is a request.
     */
    public static List<String[]> matchingTerms(QueryFactory queries, String userQuery) {
        List<String[]> out = new ArrayList<>();
        queries.buildMatching(userQuery, t -> {
            String folded = vn.vanban.normalize.Folding.fold(t);
            if (!folded.equals(t)) {
                out.add(new String[] {IndexFields.BODY, t});
                out.add(new String[] {IndexFields.BODY_FOLDED, folded});
            }
            return false;
        });
        return out;
    }

    /**
     * The full query ranking {@code userQuery}'s first-pass hits {@code firstPass}: every boost, with words typed
     * without diacritics read as the best of those hits spell them ({@link Readings}), that reading ranking first.
     */
    public static Query rankingQuery(QueryFactory queries, IndexSearcher searcher, String userQuery, ScoreDoc[] firstPass) {
        return rankingQuery(queries, userQuery, () -> {
            List<String> texts = new ArrayList<>();
            try {
                for (int d = 0; d < Math.min(READING_DOCUMENTS, firstPass.length); d++) {
                    texts.add(searcher.storedFields().document(firstPass[d].doc, java.util.Set.of(IndexFields.BODY_FOLDED))
                            .get(IndexFields.BODY_FOLDED));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return texts;
        });
    }

    /** The number of first-pass hits whose texts give the reading of words typed without diacritics. */
    public static final int READING_DOCUMENTS = Readings.DOCUMENTS;

    /**
     * As {@link #rankingQuery(QueryFactory, IndexSearcher, String, ScoreDoc[])}, the reading taken from the stored texts
     * {@code firstTexts} gives (those of the first {@link #READING_DOCUMENTS} hits, best first), asked for once and only
     * when a word is typed without diacritics.
     */
    public static Query rankingQuery(QueryFactory queries, String userQuery, java.util.function.Supplier<List<String>> firstTexts) {
        List<List<String>> texts = new ArrayList<>(1);
        Map<String, java.util.Optional<String>> read = new java.util.HashMap<>();
        return queries.build(userQuery, w -> read.computeIfAbsent(w, k -> {
            if (!Readings.plain(k)) {
                return java.util.Optional.empty();
            }
            if (texts.isEmpty()) {
                texts.add(firstTexts.get());
            }
            return java.util.Optional.ofNullable(Readings.of(texts.get(0), k));
        }).orElse(null));
    }

    /**
     * The snippets of {@code docIds} for {@code query}: passages with the exact spellings the query looks for marked
     * ("số", not every "sở" and "sơ"), or, in a document holding none of them, the spellings matched without
     * diacritics; null for a document where nothing matched.
     */
    public static String[] snippets(IndexSearcher searcher, org.apache.lucene.analysis.Analyzer analyzer, Query query,
                                    int[] docIds) throws IOException {
        String[] out = looksFor(query, IndexFields.BODY) ? snippetHighlighter(searcher, analyzer).highlightFields(
                new String[] {IndexFields.BODY}, query, docIds, new int[] {2}).get(IndexFields.BODY) : new String[docIds.length];
        int missing = 0;
        for (String s : out) {
            missing += s == null ? 1 : 0;
        }
        if (missing > 0) {
            int[] rest = new int[missing];
            int k = 0;
            for (int i = 0; i < docIds.length; i++) {
                if (out[i] == null) {
                    rest[k++] = docIds[i];
                }
            }
            String[] folded = snippetHighlighter(searcher, analyzer).highlightFields(new String[] {IndexFields.BODY_FOLDED},
                    query, rest, new int[] {2}).get(IndexFields.BODY_FOLDED);
            k = 0;
            for (int i = 0; i < docIds.length; i++) {
                if (out[i] == null) {
                    out[i] = folded[k++];
                }
            }
        }
        return out;
    }

    /** Whether {@code query} has a clause on {@code field}. */
    private static boolean looksFor(Query query, String field) {
        boolean[] found = {false};
        query.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                found[0] |= f.equals(field);
                return false;
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return found[0];
    }

    /**
     * A highlighter that can mark the exact field too: that field is not stored, its text is the stored text of the
     * folded one (the same text, analyzed two ways), and its postings hold the offsets.
     */
    private static UnifiedHighlighter withExactField(UnifiedHighlighter.Builder builder) {
        return new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, org.apache.lucene.search.DocIdSetIterator docIter,
                                                           int cacheCharsThreshold) throws IOException {
                String[] stored = fields.clone();
                for (int i = 0; i < stored.length; i++) {
                    if (stored[i].equals(IndexFields.BODY)) {
                        stored[i] = IndexFields.BODY_FOLDED;
                    }
                }
                return super.loadFieldValues(stored, docIter, cacheCharsThreshold);
            }
        };
    }

    /** Characters a snippet's passage aims at (two passages a hit). */
    public static final int PASSAGE_CHARS = 200;

    /**
     * The highlighter of the hits' snippets: the two best passages of about {@value #PASSAGE_CHARS} characters around
     * the matched words, broken at a space (a sentence of these texts often runs a page: the header block, a
     * table), HTML-escaped, matches in {@code <mark>}.
     */
    public static UnifiedHighlighter snippetHighlighter(IndexSearcher searcher, org.apache.lucene.analysis.Analyzer analyzer) {
        return withExactField(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withScorer(new CompactPassageScorer())
                .withMaxLength(1_000_000)
                .withBreakIterator(() -> org.apache.lucene.search.uhighlight.LengthGoalBreakIterator.createClosestToLength(
                        new org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator(' '), PASSAGE_CHARS, 0.5f))
                // terms from the postings' offsets; strict phrase checking would re-analyze whole documents
                .withHighlightPhrasesStrictly(false)
                .withHandleMultiTermQuery(false));
    }

    /**
     * The whole text of document {@code id} with the words of {@code userQuery} marked (HTML-escaped, {@code <mark>}
     * around matches); empty when the document is not indexed.
     */
    public java.util.Optional<String> highlightedText(long id, String userQuery) {
        return wholeText(id, userQuery, new DefaultPassageFormatter("<mark>", "</mark>", "", true));
    }

    /** Marks a page of one document shows at most. */
    public static final int MAX_MARKS = 2000;

    /**
     * Where the words of {@code userQuery} stand in the text of document {@code id} (start and end offsets, in order,
     * at most {@value #MAX_MARKS}); empty when the document is not indexed.
     */
    public java.util.Optional<List<int[]>> matchOffsets(long id, String userQuery) {
        List<int[]> out = new ArrayList<>();
        PassageFormatter offsets = new PassageFormatter() {
            @Override
            public Object format(Passage[] passages, String content) {
                for (Passage p : passages) {
                    for (int i = 0; i < p.getNumMatches() && out.size() < MAX_MARKS; i++) {
                        out.add(new int[] {p.getMatchStarts()[i], p.getMatchEnds()[i]});
                    }
                }
                return "";
            }
        };
        return wholeText(id, userQuery, offsets).map(ignored -> {
            out.sort(java.util.Comparator.comparingInt(o -> o[0]));
            return out;
        });
    }

    /**
     * The whole stored text of document {@code id} as {@code formatter} renders it with the query's matches (escaped
     * text when nothing matches); empty when the document is not indexed.
     */
    private java.util.Optional<String> wholeText(long id, String userQuery, PassageFormatter formatter) {
        if (userQuery == null || userQuery.isBlank()) {
            throw new IllegalArgumentException("give q= with the words to mark");
        }
        Query query = queries.build(userQuery);
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(IndexFields.ID, Long.toString(id))), 1);
            if (top.scoreDocs.length == 0) {
                return java.util.Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            UnifiedHighlighter highlighter = withExactField(UnifiedHighlighter.builder(searcher, index.analyzer())
                    .withFormatter(formatter)
                    .withMaxLength(Integer.MAX_VALUE - 1)
                    .withHighlightPhrasesStrictly(false)
                    .withHandleMultiTermQuery(false)
                    .withBreakIterator(org.apache.lucene.search.uhighlight.WholeBreakIterator::new));
            // the spellings typed when they are in the text ("số", not "sở"), else every spelling matched
            String marked = null;
            for (String field : QueryFactory.hasDiacritics(userQuery) ? List.of(IndexFields.BODY, IndexFields.BODY_FOLDED)
                    : List.of(IndexFields.BODY_FOLDED)) {
                marked = highlighter.highlightFields(new String[] {field}, query, new int[] {doc}, new int[] {1}).get(field)[0];
                if (marked != null) {
                    break;
                }
            }
            return java.util.Optional.of(marked != null ? marked
                    : escape(searcher.storedFields().document(doc).get(IndexFields.BODY_FOLDED)));
        });
    }

    /** More-like-this: how often a word must stand in the document, in how many documents, how many words, read how far. */
    public static final int MLT_MIN_TERM_FREQ = 2;
    public static final int MLT_MIN_DOC_FREQ = 2;
    public static final int MLT_MAX_QUERY_TERMS = 40;
    public static final int MLT_MAX_TOKENS = 20_000;

    /** Documents like document {@code id} (Lucene's MoreLikeThis on its distinctive words); empty when it is not indexed. */
    @Override
    public java.util.Optional<List<SearchHit>> similar(long id, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size between 1 and " + MAX_PAGE_SIZE + " (got " + size + ")");
        }
        return index.withSearcher(searcher -> {
            TopDocs self = searcher.search(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(IndexFields.ID, Long.toString(id))), 1);
            if (self.scoreDocs.length == 0) {
                return java.util.Optional.empty();
            }
            org.apache.lucene.queries.mlt.MoreLikeThis mlt = new org.apache.lucene.queries.mlt.MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.analyzer());
            mlt.setFieldNames(new String[] {IndexFields.BODY_FOLDED});
            mlt.setMinTermFreq(MLT_MIN_TERM_FREQ);
            mlt.setMinDocFreq(MLT_MIN_DOC_FREQ);
            mlt.setMaxQueryTerms(MLT_MAX_QUERY_TERMS);
            mlt.setMaxNumTokensParsed(MLT_MAX_TOKENS);
            Query like = mlt.like(self.scoreDocs[0].doc);
            BooleanQuery q = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST)
                    .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexFields.ID, Long.toString(id))),
                            BooleanClause.Occur.MUST_NOT)
                    .build();
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, size).scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                hits.add(SearchHit.of(d, sd.score, leadSnippet(d.get(IndexFields.BODY_FOLDED))));
            }
            return java.util.Optional.of(hits);
        });
    }

    /** HTML-escaped text (unbescape, the escaper Thymeleaf uses for the pages). */
    private static String escape(String text) {
        return text == null ? "" : org.unbescape.html.HtmlEscape.escapeHtml5Xml(text);
    }

    /** Refuses an item search with a bad page, size or kind, or no words. */
    public static void checkItemRequest(String userQuery, String kind, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || (page + 1) * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE
                    + " (got page=" + page + ", size=" + size + ")");
        }
        if (userQuery == null || userQuery.isBlank()) {
            throw new IllegalArgumentException("give q= with the words to look for");
        }
        if (kind != null && !kind.isBlank() && !ITEM_KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown kind [" + kind + "]: use " + String.join(", ", ITEM_KINDS));
        }
    }

    /** Item kinds a search over items may be restricted to. */
    public static final List<String> ITEM_KINDS = List.of("task", "deadline", "cited");

    /**
     * Tasks, deadlines and cited documents matching {@code userQuery} (the same syntax as documents), best first;
     * {@code kind} one of {@link #ITEM_KINDS}, or null for all.
     */
    @Override
    public ItemResult searchItems(String userQuery, String kind, int page, int size) {
        checkItemRequest(userQuery, kind, page, size);
        Query base = queries.build(userQuery);
        Query query = kind == null || kind.isBlank() ? base : new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST)
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(vn.vanban.index.ItemIndex.KIND, kind)),
                        BooleanClause.Occur.FILTER).build();
        return items.withSearcher(searcher -> {
            TopDocs top = searcher.search(query, (page + 1) * size);
            ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(page * size, top.scoreDocs.length),
                    Math.min((page + 1) * size, top.scoreDocs.length));
            String[] snippets = new String[pageDocs.length];
            if (pageDocs.length > 0) {
                int[] ids = new int[pageDocs.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = pageDocs[i].doc;
                }
                snippets = UnifiedHighlighter.builder(searcher, items.analyzer())
                        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                        .withScorer(new CompactPassageScorer())
                        .withHighlightPhrasesStrictly(false).withHandleMultiTermQuery(false).build()
                        .highlightFields(new String[] {IndexFields.BODY_FOLDED}, base, ids, new int[] {2})
                        .get(IndexFields.BODY_FOLDED);
            }
            List<ItemHit> hits = new ArrayList<>();
            for (int i = 0; i < pageDocs.length; i++) {
                Document d = searcher.storedFields().document(pageDocs[i].doc);
                String key = d.get(vn.vanban.index.ItemIndex.KEY);
                String k = d.get(vn.vanban.index.ItemIndex.KIND);
                var doc = d.getField(vn.vanban.index.ItemIndex.DOCUMENT);
                Long citedId = k.equals("cited") ? Long.valueOf(key.substring(key.indexOf(':') + 1)) : null;
                hits.add(new ItemHit(k, doc == null ? null : doc.numericValue().longValue(), citedId,
                        snippets[i] != null ? snippets[i] : escape(d.get(IndexFields.BODY_FOLDED)),
                        d.get(vn.vanban.index.ItemIndex.WHO), d.get(vn.vanban.index.ItemIndex.DUE),
                        d.get(vn.vanban.index.ItemIndex.LABEL), pageDocs[i].score));
            }
            return new ItemResult(userQuery, kind == null ? "" : kind, top.totalHits.value(), page, size, hits);
        });
    }

    /** The stored fields a hit shows. */
    public static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(IndexFields.ID, IndexFields.DOC_TYPE,
            IndexFields.DOC_NUMBER, IndexFields.DOC_SUBJECT, IndexFields.DOC_DATE, IndexFields.DOC_ISSUER, IndexFields.FILE_NAME,
            IndexFields.DOC_VALIDITY);

    /** How many of the best hits by the matching query get the full query's score. */
    public static final int RESCORE_WINDOW = 100;

    /**
     * The first {@code window} of {@code firstPass}: its first {@link #RESCORE_WINDOW} ranked again by {@code full}, the
     * rest after them in first-pass order. The head is the same whatever the window, so every page of one search is cut
     * from the same order: rescoring the whole window, which grows with the page, ranked the head differently page by
     * page and could skip a document between two pages (or show one twice).
     */
    static TopDocs rescoredHead(IndexSearcher searcher, Query full, TopDocs firstPass, int window) throws IOException {
        ScoreDoc[] first = firstPass.scoreDocs;
        int head = Math.min(RESCORE_WINDOW, first.length);
        TopDocs rescored = rescorer(full).rescore(searcher,
                new TopDocs(firstPass.totalHits, java.util.Arrays.copyOf(first, head)), head);
        int n = Math.min(window, first.length);
        ScoreDoc[] out = new ScoreDoc[n];
        System.arraycopy(rescored.scoreDocs, 0, out, 0, Math.min(n, head)); // the head, ranked again
        if (n > head) {
            System.arraycopy(first, head, out, head, n - head); // the rest, in first-pass order
        }
        return new TopDocs(firstPass.totalHits, out);
    }

    /**
     * Re-ranks first-pass hits by {@code full}'s score (the matching query plus every boost), so the window is in
     * the order the full query would give; a hit the full query does not match keeps its first score.
     */
    public static QueryRescorer rescorer(Query full) {
        return new QueryRescorer(full) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? secondPassScore : firstPassScore;
            }
        };
    }

    private static SortField dateSort(boolean newestFirst) {
        SortField f = new SortField(IndexFields.DATE_SORT, SortField.Type.LONG, newestFirst);
        f.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated documents last either way
        return f;
    }

    /** Refuses a request whose year or date range ends before it starts. */
    public static void checkRanges(SearchRequest r) {
        if (r.yearFrom() != null && r.yearTo() != null && r.yearFrom() > r.yearTo()) {
            throw new IllegalArgumentException("yearFrom " + r.yearFrom() + " is after yearTo " + r.yearTo());
        }
        if (r.dateFrom() != null && r.dateTo() != null && r.dateFrom().isAfter(r.dateTo())) {
            throw new IllegalArgumentException("dateFrom " + r.dateFrom() + " is after dateTo " + r.dateTo());
        }
    }

    /** {@code base} restricted by the request's filters: drill-down on facet dimensions, ranges on points. */
    private static Query filtered(Query base, SearchRequest r) {
        checkRanges(r);
        DrillDownQuery q = new DrillDownQuery(DocumentIndex.FACETS, base);
        facetFilters(r).forEach(q::add);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
        if (r.yearFrom() != null || r.yearTo() != null) {
            int from = r.yearFrom() == null ? Integer.MIN_VALUE : r.yearFrom();
            int to = r.yearTo() == null ? Integer.MAX_VALUE : r.yearTo();
            b.add(IntPoint.newRangeQuery(IndexFields.YEAR_POINT, from, to), BooleanClause.Occur.FILTER);
        }
        if (r.dateFrom() != null || r.dateTo() != null) {
            long from = r.dateFrom() == null ? Long.MIN_VALUE : r.dateFrom().toEpochDay();
            long to = r.dateTo() == null ? Long.MAX_VALUE : r.dateTo().toEpochDay();
            b.add(LongPoint.newRangeQuery(IndexFields.DATE_POINT, from, to), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /** The facet values {@code r} filters on, by dimension (in the order of the request's fields). */
    public static Map<String, String> facetFilters(SearchRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        putIf(out, IndexFields.FACET_TYPE, r.type());
        putIf(out, IndexFields.FACET_ISSUER, r.issuer());
        putIf(out, IndexFields.FACET_PROVINCE, r.province());
        putIf(out, IndexFields.FACET_FIELD, r.field());
        putIf(out, IndexFields.FACET_VALIDITY, r.validity());
        putIf(out, IndexFields.FACET_TAG, r.tag());
        if (r.draft() != null) {
            out.put(IndexFields.FACET_STATUS, r.draft() ? "draft" : "final");
        }
        if (r.hasDeadlines() != null) {
            out.put(IndexFields.FACET_DEADLINES, r.hasDeadlines() ? "yes" : "no");
        }
        return out;
    }

    private static void putIf(Map<String, String> out, String dim, String value) {
        if (value != null && !value.isBlank()) {
            out.put(dim, value.strip());
        }
    }

    /** Counts of every dimension over the hits; empty when the index has no facet data yet. */
    private Map<String, List<SearchResult.FacetCount>> facets(IndexSearcher searcher, FacetsCollector fc) throws IOException {
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        if (state == null) {
            return out;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : IndexFields.FACETS) {
            FacetResult res;
            try {
                res = counts.getTopChildren(FACET_VALUES, dim);
            } catch (IllegalArgumentException e) {
                continue; // no document has this dimension yet
            }
            if (res == null || res.labelValues.length == 0) {
                continue;
            }
            List<SearchResult.FacetCount> values = new ArrayList<>(res.labelValues.length);
            for (LabelAndValue lv : res.labelValues) {
                values.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
            }
            out.put(dim, values);
        }
        return out;
    }

    /** Values shown per facet dimension, most frequent first. */
    public static final int FACET_VALUES = 20;

    /** The ordinal map of the facet doc values, built once per index reader (it is costly). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetStateHolder h = facetState;
        if (h != null && h.reader() == reader) {
            return h.state();
        }
        SortedSetDocValuesReaderState state = null;
        FieldInfo info = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        if (info != null) {
            state = new DefaultSortedSetDocValuesReaderState(reader, DocumentIndex.FACETS);
        }
        facetState = new FacetStateHolder(reader, state);
        return state;
    }

    private record FacetStateHolder(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private volatile FacetStateHolder facetState;

    /** The start of a text, as a hit shows it when no words were matched in it. */
    public static String leadSnippet(String text) {
        if (text == null) {
            return "";
        }
        return escape(text.length() > 240 ? text.substring(0, 240) + "…" : text);
    }
}
