package vn.vanban.solr;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * A query Vanban's {@link vn.vanban.search.QueryFactory} built, written for Solr's query parsers, clause for clause:
 * a boolean query as {@code {!bool}} (must, should, must_not, filter, mm), a boost as {@code {!boost}}, a constant score
 * as {@code ^=}, a term as {@code {!term}} (not analyzed again), a phrase as {@code {!field}} over its terms (the
 * field's analysis gives them back as they are: they are its own output; a position gap is written as the clause mark
 * that makes it). Every sub-query is a request parameter of its own ({@code $vq1} …), so no text needs escaping. A query
 * of another kind is refused: Vanban builds none.
 */
final class SolrQueries {

    private final ModifiableSolrParams params;
    private final String prefix;
    private int next;

    /** Writes into {@code params}, naming its parameters {@code prefix1}, {@code prefix2} … */
    SolrQueries(ModifiableSolrParams params, String prefix) {
        this.params = params;
        this.prefix = prefix;
    }

    /** {@code q} as a request parameter of its own; returns its name, to be referenced as {@code $name}. */
    String param(Query q) {
        String name = prefix + (++next);
        params.set(name, write(q));
        return name;
    }

    /** {@code q} as Solr query text. */
    String write(Query q) {
        if (q instanceof TermQuery t) {
            return term(t.getTerm());
        }
        if (q instanceof BoostQuery b) {
            return "{!boost b=" + number(b.getBoost()) + " v=$" + param(b.getQuery()) + "}";
        }
        if (q instanceof ConstantScoreQuery c) {
            return "{!lucene}(_query_:\"{!v=$" + param(c.getQuery()) + "}\")^=1";
        }
        if (q instanceof BooleanQuery b) {
            StringBuilder s = new StringBuilder("{!bool");
            for (BooleanClause c : b.clauses()) {
                String occur = switch (c.occur()) {
                    case MUST -> "must";
                    case SHOULD -> "should";
                    case MUST_NOT -> "must_not";
                    case FILTER -> "filter";
                };
                s.append(' ').append(occur).append("=$").append(param(c.query()));
            }
            if (b.getMinimumNumberShouldMatch() > 0) {
                s.append(" mm=").append(b.getMinimumNumberShouldMatch());
            }
            return s.append('}').toString();
        }
        if (q instanceof PhraseQuery p) {
            return phrase(p);
        }
        if (q instanceof MatchAllDocsQuery) {
            return "*:*";
        }
        if (q instanceof MatchNoDocsQuery) {
            return "{!bool}"; // no clause: matches nothing
        }
        throw new IllegalArgumentException("no Solr form for " + q.getClass().getSimpleName() + ": " + q);
    }

    private String term(Term t) {
        String name = prefix + (++next);
        params.set(name, t.text());
        return "{!term f=" + t.field() + " v=$" + name + "}";
    }

    private String phrase(PhraseQuery p) {
        if (p.getSlop() != 0) {
            throw new IllegalArgumentException("no Solr form for a sloppy phrase: " + p);
        }
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.length; i++) {
            if (i > 0) {
                // a gap of n positions is n - 1 clause marks, each removed by the analysis with its position kept
                text.append(", ".repeat(positions[i] - positions[i - 1] - 1)).append(' ');
            }
            text.append(terms[i].text());
        }
        String name = prefix + (++next);
        params.set(name, text.toString());
        return "{!field f=" + p.getField() + " v=$" + name + "}";
    }

    private static String number(float f) {
        return String.format(Locale.ROOT, "%s", f);
    }
}
