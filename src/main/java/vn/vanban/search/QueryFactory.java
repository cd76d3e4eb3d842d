package vn.vanban.search;

import java.text.Normalizer;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import vn.vanban.citation.DocumentNumbers;
import vn.vanban.index.IndexFields;

/**
 * Builds the Lucene query for what a user typed. Số ký hiệu go to the number fields (the document itself first,
 * then documents citing it). Words always match the folded field; when the user typed diacritics, the exact
 * field adds to the score, so "Quyết định" ranks accented text above "quyet dinh". The whole phrase adds a boost,
 * so adjacent syllables outrank scattered ones. Thread-safe.
 */
public final class QueryFactory {

    private static final float NUMBER_BOOST = 50f;
    private static final float CITES_BOOST = 10f;
    private static final float EXACT_BOOST = 2f;
    private static final float PHRASE_BOOST = 3f;
    private static final float SUBJECT_BOOST = 2f;

    private final QueryBuilder builder;

    public QueryFactory(Analyzer perFieldAnalyzer) {
        this.builder = new QueryBuilder(perFieldAnalyzer);
    }

    /** The query for {@code userQuery}; never null (matches nothing for a blank query). */
    public Query build(String userQuery) {
        String q = Normalizer.normalize(userQuery == null ? "" : userQuery, Normalizer.Form.NFC).strip();
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        List<String> numbers = DocumentNumbers.findInQuery(q);
        for (String key : numbers) {
            top.add(new BoostQuery(new TermQuery(new Term(IndexFields.NUMBER, key)), NUMBER_BOOST), BooleanClause.Occur.SHOULD);
            top.add(new BoostQuery(new TermQuery(new Term(IndexFields.CITES, key)), CITES_BOOST), BooleanClause.Occur.SHOULD);
        }
        String words = numbers.isEmpty() ? q : DocumentNumbers.stripNumbers(q);
        Query text = words.isBlank() ? null : textQuery(words);
        if (text != null) {
            top.add(text, numbers.isEmpty() ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        }
        BooleanQuery built = top.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery("empty query") : built;
    }

    private Query textQuery(String words) {
        Query folded = builder.createMinShouldMatchQuery(IndexFields.BODY_FOLDED, words, minShouldMatch(words));
        if (folded == null) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(folded, BooleanClause.Occur.MUST);
        addShould(b, builder.createPhraseQuery(IndexFields.BODY_FOLDED, words, 0), PHRASE_BOOST);
        addShould(b, builder.createBooleanQuery(IndexFields.SUBJECT_FOLDED, words), SUBJECT_BOOST);
        if (hasDiacritics(words)) {
            addShould(b, builder.createBooleanQuery(IndexFields.BODY, words), EXACT_BOOST);
            addShould(b, builder.createPhraseQuery(IndexFields.BODY, words, 0), EXACT_BOOST * PHRASE_BOOST);
            addShould(b, builder.createBooleanQuery(IndexFields.SUBJECT, words), EXACT_BOOST * SUBJECT_BOOST);
        }
        return b.build();
    }

    private static void addShould(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) {
            b.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        }
    }

    /** All words for short queries; three quarters of them for long ones. */
    static float minShouldMatch(String words) {
        int n = words.split("\\s+").length;
        return n <= 4 ? 1f : 0.75f;
    }

    /** Whether {@code s} carries any Vietnamese diacritic (including đ). */
    static boolean hasDiacritics(String s) {
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == 'đ' || c == 'Đ') {
                return true;
            }
        }
        return false;
    }
}
