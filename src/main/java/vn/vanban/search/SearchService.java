package vn.vanban.search;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import vn.vanban.index.DocumentIndex;
import vn.vanban.index.IndexFields;

/** Runs queries against the index and returns ranked, highlighted hits. Thread-safe. */
@Singleton
public class SearchService {

    /** Largest page size a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_WINDOW = 10_000;

    private final DocumentIndex index;
    private final QueryFactory queries;

    public SearchService(DocumentIndex index) {
        this.index = index;
        this.queries = new QueryFactory(index.analyzer());
    }

    /** Page {@code page} (from 0) of {@code size} hits for {@code userQuery}. */
    public SearchResult search(String userQuery, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE
                    + " (got page=" + page + ", size=" + size + ")");
        }
        int window = (page + 1) * size;
        if (window > MAX_WINDOW) {
            throw new IllegalArgumentException("results beyond the first " + MAX_WINDOW + " are not served; refine the query");
        }
        Query query = queries.build(userQuery);
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(query, window);
            ScoreDoc[] all = top.scoreDocs;
            int from = Math.min(page * size, all.length);
            int to = Math.min(from + size, all.length);
            ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(all, from, to);
            String[] snippets = new String[pageDocs.length];
            if (pageDocs.length > 0) {
                UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                        .withMaxLength(1_000_000)
                        // terms from the postings' offsets; strict phrase checking would re-analyze whole documents
                        .withHighlightPhrasesStrictly(false)
                        .withHandleMultiTermQuery(false)
                        .build();
                int[] docIds = new int[pageDocs.length];
                for (int i = 0; i < pageDocs.length; i++) {
                    docIds[i] = pageDocs[i].doc;
                }
                snippets = highlighter.highlightFields(new String[] {IndexFields.BODY_FOLDED}, query, docIds,
                        new int[] {2}).get(IndexFields.BODY_FOLDED);
            }
            List<SearchHit> hits = new ArrayList<>(pageDocs.length);
            for (int i = 0; i < pageDocs.length; i++) {
                Document d = searcher.storedFields().document(pageDocs[i].doc);
                String snippet = snippets[i] != null ? snippets[i] : leadSnippet(d.get(IndexFields.BODY_FOLDED));
                hits.add(new SearchHit(Long.parseLong(d.get(IndexFields.ID)), d.get(IndexFields.DOC_TYPE),
                        d.get(IndexFields.DOC_NUMBER), d.get(IndexFields.DOC_SUBJECT), d.get(IndexFields.DOC_DATE),
                        d.get(IndexFields.DOC_ISSUER), d.get(IndexFields.FILE_NAME), pageDocs[i].score, snippet));
            }
            return new SearchResult(userQuery, top.totalHits.value(), page, size, hits);
        });
    }

    private static String leadSnippet(String text) {
        if (text == null) {
            return "";
        }
        String lead = text.length() > 240 ? text.substring(0, 240) + "…" : text;
        return lead.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
