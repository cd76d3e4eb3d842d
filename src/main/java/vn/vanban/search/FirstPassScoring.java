package vn.vanban.search;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * The first pass's ranking, once the facet pass has found what matches: the documents it found, scored by the
 * matching query with its phrases scored as their words. Which documents match is settled (phrases and exclusions
 * were checked once, over every hit, by the facet pass); what is left is to pick the best hits for the full query to
 * rank again ({@link SearchService#RESCORE_WINDOW}). Reading every position of every hit a second time to score the
 * phrases exactly cost most of a search at 100,000 documents; the phrase's words give nearly the same score (a
 * phrase's weight is the sum of its words' weights) and let Lucene skip what cannot enter the best hits. (Making every
 * clause optional as well, for block-max WAND, measured no faster: conjunctions of required words skip as well.)
 */
final class FirstPassScoring {

    private FirstPassScoring() {
    }

    /**
     * The query that ranks the hits {@code matched} holds ({@code hits} of them): {@code query}'s scoring clauses,
     * phrases as their words, restricted to those hits; null when {@code query} holds no phrase (it scores as cheaply
     * as it can already).
     */
    static Query of(IndexSearcher searcher, Query query, FacetsCollector matched, long hits) throws IOException {
        boolean[] changed = new boolean[1];
        Query scoring = scoring(searcher.rewrite(query), changed);
        if (!changed[0]) {
            return null;
        }
        if (scoring == null) {
            return new Matched(matched);
        }
        if (hits == searcher.getIndexReader().numDocs()) {
            return scoring; // every document matches: the scoring query (which only relaxes the matching one) too
        }
        // every matched document matches the scoring query too (it only relaxes the matching one), which leads
        return new BooleanQuery.Builder().add(scoring, BooleanClause.Occur.MUST)
                .add(new Matched(matched), BooleanClause.Occur.FILTER).build();
    }

    /**
     * Whether the hits of {@code query} are worth ranking apart from finding them: only when it reads word positions
     * (a phrase outside its exclusions), which ranking them by {@link #of} does not read again. A query without one
     * would read the same postings twice: it is ranked in the pass that finds its hits.
     */
    static boolean ranksApart(IndexSearcher searcher, Query query) throws IOException {
        boolean[] changed = new boolean[1];
        scoring(searcher.rewrite(query), changed);
        return changed[0];
    }

    /**
     * {@code q} as it scores: phrases as the sum of their words; clauses that only decide matching (exclusions,
     * filters) left out; null for a query that adds nothing to the score.
     */
    private static Query scoring(Query q, boolean[] changed) {
        if (q instanceof PhraseQuery p) {
            changed[0] = true;
            Term[] terms = p.getTerms();
            if (terms.length == 1) {
                return new TermQuery(terms[0]);
            }
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            for (Term t : terms) {
                words.add(new TermQuery(t), BooleanClause.Occur.MUST);
            }
            return words.build();
        }
        if (q instanceof BoostQuery b) {
            Query inner = scoring(b.getQuery(), changed);
            return inner == null ? null : inner == b.getQuery() ? b : new BoostQuery(inner, b.getBoost());
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder out = new BooleanQuery.Builder();
            int kept = 0;
            int minimum = bq.getMinimumNumberShouldMatch();
            boolean same = true;
            boolean required = false;
            for (BooleanClause c : bq.clauses()) {
                if (c.occur() == BooleanClause.Occur.MUST_NOT || c.occur() == BooleanClause.Occur.FILTER) {
                    same = false; // the matched documents passed them already
                    continue;
                }
                Query inner = scoring(c.query(), changed);
                if (inner == null) {
                    same = false;
                    if (c.occur() == BooleanClause.Occur.SHOULD) {
                        minimum = Math.max(0, minimum - 1); // a clause gone: the minimum must stay reachable
                    }
                    continue;
                }
                same &= inner == c.query();
                // required words stay required, a minimum to match stays: Lucene's conjunctions skip best that way
                out.add(inner, c.occur());
                required |= c.occur() == BooleanClause.Occur.MUST;
                kept++;
            }
            if (same) {
                return bq;
            }
            if (kept == 0) {
                return null;
            }
            if (!required && bq.clauses().stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST
                    || c.occur() == BooleanClause.Occur.FILTER)) {
                // the required clauses all left (filters, or nothing to score): something must stay required, or
                // the optional clauses would become required and the ranking query stricter than the matching one
                out.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            }
            return out.setMinimumNumberShouldMatch(minimum).build();
        }
        return q; // terms, constant scores, everything else: as it is
    }

    /** The documents a facet pass collected, each with the same score (used as a filter, it scores nothing). */
    static final class Matched extends Query {
        private final Map<Object, FacetsCollector.MatchingDocs> byLeaf = new IdentityHashMap<>();

        Matched(FacetsCollector matched) {
            for (FacetsCollector.MatchingDocs m : matched.getMatchingDocs()) {
                byLeaf.put(m.context(), m);
            }
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new ConstantScoreWeight(this, boost) {
                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                    FacetsCollector.MatchingDocs m = byLeaf.get(context);
                    if (m == null || m.totalHits() == 0 || m.bits() == null) {
                        return null;
                    }
                    DocIdSetIterator it = m.bits().iterator();
                    if (it == null) {
                        return null;
                    }
                    return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, it));
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false; // one search's hits
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public String toString(String field) {
            return "matched(" + byLeaf.size() + " segments)";
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
