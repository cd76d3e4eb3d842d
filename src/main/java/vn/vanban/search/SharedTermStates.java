package vn.vanban.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The statistics of the terms one search looks up, built once and shared by its passes — the counts that pick the
 * rare exact spellings, the facet pass, the ranking pass, the re-ranking of the best hits — through Lucene's own
 * {@link TermQuery#TermQuery(Term, TermStates)}: each pass would otherwise look every term up again in the term
 * dictionary of every segment (a fifth of the re-ranking's time at 100,000 documents). One per search and searcher;
 * not thread-safe.
 */
public final class SharedTermStates {

    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new HashMap<>();

    public SharedTermStates(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The statistics of {@code term} in the searcher's index, looked up on the first call. */
    public TermStates of(Term term) throws IOException {
        TermStates s = states.get(term);
        if (s == null) {
            s = TermStates.build(searcher, term, true);
            states.put(term, s);
        }
        return s;
    }

    /** How many documents hold {@code term}. */
    public int docFreq(Term term) throws IOException {
        return of(term).docFreq();
    }

    /**
     * {@code query} rewritten, each term query in it (within boolean, boost and constant-score queries) carrying its
     * term's shared statistics; the same hits and scores as {@code query}.
     */
    public Query apply(Query query) throws IOException {
        return withStates(searcher.rewrite(query));
    }

    private Query withStates(Query q) throws IOException {
        if (q instanceof TermQuery t) {
            return t.getTermStates() != null ? t : new TermQuery(t.getTerm(), of(t.getTerm()));
        }
        if (q instanceof BoostQuery b) {
            Query inner = withStates(b.getQuery());
            return inner == b.getQuery() ? b : new BoostQuery(inner, b.getBoost());
        }
        if (q instanceof ConstantScoreQuery c) {
            Query inner = withStates(c.getQuery());
            return inner == c.getQuery() ? c : new ConstantScoreQuery(inner);
        }
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (BooleanClause c : b.clauses()) {
                Query inner = withStates(c.query());
                changed |= inner != c.query();
                out.add(inner, c.occur());
            }
            return changed ? out.build() : b;
        }
        return q;
    }
}
