package vn.vanban.search;

import java.text.Normalizer;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import vn.vanban.index.IndexFields;

/**
 * Builds the Lucene query for what a user typed. Numbers, in any form people type them ({@link NumberQuery}), go to
 * the number fields: documents bearing the number first, above any score of words (of the type typed, when one is),
 * then documents citing it. Words always match the folded field; when the user typed diacritics, the exact
 * field adds to the score, so "Quyết định" ranks accented text above "quyet dinh". The whole phrase adds a boost,
 * so adjacent syllables outrank scattered ones. Quoted phrases are required, {@code -word} and {@code NOT word} are
 * excluded, {@code a OR b} accepts either side, and abbreviations of government usage (UBND, CNTT, TTHC …) match
 * their expansions and the other way round. Thread-safe.
 */
public final class QueryFactory {

    /** The score of a document bearing a number the query names: above any score of words, so bearers come first. */
    private static final float BEARER_SCORE = 1000f;
    /** The score of a document citing it: above most scores of words alone. */
    private static final float CITES_SCORE = 20f;
    /** The weight of the exact spelling's match beside the folded one (which every spelling shares). */
    private static final float EXACT_BOOST = 1f;
    private static final float PHRASE_BOOST = 3f;
    private static final float SUBJECT_BOOST = 2f;

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"([^\"]+)\"");
    private static final java.util.regex.Pattern NEGATED = java.util.regex.Pattern.compile("(?:^|\\s)(?:-|NOT\\s+)([^\\s\"]+)");

    private final NumberQuery numbers = new NumberQuery(vn.vanban.extract.DocumentTypes.standard().typedForms());
    private final QueryBuilder builder;
    private final Analyzer analyzer;
    /** Abbreviations as folded token sequences: [abbreviation tokens, expansion tokens]. */
    private final List<List<List<String>>> abbreviations = new java.util.ArrayList<>();

    public QueryFactory(Analyzer perFieldAnalyzer) {
        this.builder = new QueryBuilder(perFieldAnalyzer);
        this.analyzer = perFieldAnalyzer;
        for (Abbreviations.Entry e : Abbreviations.load().entries()) {
            abbreviations.add(List.of(tokens(e.abbr()), tokens(e.expansion())));
        }
    }

    /** The folded tokens of {@code text}. */
    List<String> tokens(String text) {
        return tokens(IndexFields.BODY_FOLDED, text);
    }

    /** The tokens of {@code text} as {@code field} is analyzed. */
    List<String> tokens(String field, String text) {
        List<String> out = new java.util.ArrayList<>();
        try (var ts = analyzer.tokenStream(field, text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** The query for {@code userQuery}, with every ranking boost; never null (matches nothing for a blank query). */
    public Query build(String userQuery) {
        return build(userQuery, true, null, null);
    }

    /**
     * As {@link #build(String)}, with {@code reading} giving the accented reading of free words typed without
     * diacritics (see {@link Readings}; null when it knows none), whose exact spelling then ranks first.
     */
    public Query build(String userQuery, java.util.function.UnaryOperator<String> reading) {
        return build(userQuery, true, reading, null);
    }

    /**
     * The query that decides what matches {@code userQuery}, without the costly boosts that only rank (phrases,
     * exact accents): the same hits as {@link #build}, cheaper to run over all of them; those boosts are applied to
     * the best of them afterwards ({@link SearchService}).
     */
    public Query buildMatching(String userQuery) {
        return build(userQuery, false, null, null);
    }

    /**
     * As {@link #buildMatching(String)}, where only the exact spellings {@code rareExact} accepts (those far rarer
     * than their folded form in the index) count in the first pass.
     */
    public Query buildMatching(String userQuery, java.util.function.Predicate<String> rareExact) {
        return build(userQuery, false, null, rareExact);
    }

    private Query build(String userQuery, boolean boosts, java.util.function.UnaryOperator<String> reading,
                        java.util.function.Predicate<String> rareExact) {
        String q = Normalizer.normalize(userQuery == null ? "" : userQuery, Normalizer.Form.NFC).strip();
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        NumberQuery.Parsed parsed = numbers.parse(q);
        for (Lookup l : lookups(parsed)) {
            top.add(new BoostQuery(new ConstantScoreQuery(l.bearer()), BEARER_SCORE), BooleanClause.Occur.SHOULD);
            top.add(new BoostQuery(new ConstantScoreQuery(l.citing()), CITES_SCORE), BooleanClause.Occur.SHOULD);
        }
        String words = parsed.words();
        Query text = words.isBlank() ? null : alternatives(words, boosts, reading, rareExact);
        if (text != null) {
            top.add(text, parsed.any() ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST);
        }
        BooleanQuery built = top.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery("empty query") : built;
    }

    /**
     * A number the query names, as typed, with the query finding the documents that bear it (of the type typed, when
     * one is) and the one finding the documents that cite it.
     */
    public record Lookup(String printed, Query bearer, Query citing) {
    }

    /**
     * A query that matches where the numbers {@code userQuery} names are printed in a text, to mark them in snippets
     * and pages ("2099/QĐ-UBND" in the sentence citing it); null when it names none.
     */
    public Query printedNumbers(String userQuery) {
        NumberQuery.Parsed parsed = numbers.parse(userQuery);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (String printed : parsed.fullPrinted()) {
            Query p = builder.createPhraseQuery(IndexFields.BODY_FOLDED, printed, 0);
            if (p != null) {
                b.add(p, BooleanClause.Occur.SHOULD);
                n++;
            }
        }
        for (NumberQuery.Partial p : parsed.partial()) {
            Query q = p.withYear() ? builder.createPhraseQuery(IndexFields.BODY_FOLDED, p.key(), 0) : null;
            if (q != null) {
                b.add(q, BooleanClause.Occur.SHOULD);
                n++;
            }
        }
        return n == 0 ? null : b.build();
    }

    /** The numbers {@code userQuery} names, in order; empty when it names none. */
    public List<Lookup> lookups(String userQuery) {
        return lookups(numbers.parse(userQuery));
    }

    private static List<Lookup> lookups(NumberQuery.Parsed parsed) {
        List<Lookup> out = new java.util.ArrayList<>();
        for (int i = 0; i < parsed.full().size(); i++) {
            String key = parsed.full().get(i);
            out.add(new Lookup(parsed.fullPrinted().get(i), new TermQuery(new Term(IndexFields.NUMBER, key)),
                    new TermQuery(new Term(IndexFields.CITES, key))));
        }
        for (NumberQuery.Partial p : parsed.partial()) {
            Query bearer;
            if (p.typeKeys().isEmpty()) {
                bearer = new TermQuery(new Term(IndexFields.NUMBER_LOOKUP, p.key()));
            } else {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (String t : p.typeKeys()) {
                    any.add(new TermQuery(new Term(IndexFields.NUMBER_LOOKUP,
                            vn.vanban.extract.DocumentNumbers.typedKey(p.key(), t))), BooleanClause.Occur.SHOULD);
                }
                bearer = any.build();
            }
            // citations are indexed by number and year: a number alone finds no citing document
            Query citing = p.withYear() ? new TermQuery(new Term(IndexFields.CITES_LOOKUP, p.key()))
                    : new MatchNoDocsQuery("a number without its year");
            out.add(new Lookup(p.printed(), bearer, citing));
        }
        return out;
    }

    /** "a OR b": either side; else one text query. */
    private Query alternatives(String words, boolean boosts, java.util.function.UnaryOperator<String> reading,
                               java.util.function.Predicate<String> rareExact) {
        String[] sides = words.split("\\s+OR\\s+");
        if (sides.length == 1) {
            return textQuery(words, boosts, reading, rareExact);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String side : sides) {
            Query q = textQuery(side, boosts, reading, rareExact);
            if (q != null) {
                b.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        b.setMinimumNumberShouldMatch(1);
        return b.build();
    }

    /**
     * The words as their exact spelling is looked for: {@code reading}'s reading of them (words typed without
     * diacritics read as the documents spell them; may be null: none), else the words as typed when they carry
     * diacritics; null when neither says anything about accents.
     */
    private static String exactReading(String words, java.util.function.UnaryOperator<String> reading) {
        String r = reading == null ? null : reading.apply(words);
        return r != null ? r : hasDiacritics(words) ? words : null;
    }

    private Query textQuery(String input, boolean boosts, java.util.function.UnaryOperator<String> reading,
                            java.util.function.Predicate<String> rareExact) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean required = false;
        String words = input;
        java.util.regex.Matcher quoted = QUOTED.matcher(words);
        while (quoted.find()) {
            Query phrase = builder.createPhraseQuery(IndexFields.BODY_FOLDED, quoted.group(1), 0);
            if (phrase != null) {
                b.add(phrase, BooleanClause.Occur.MUST);
                required = true;
                if (boosts && hasDiacritics(quoted.group(1))) {
                    addShould(b, builder.createPhraseQuery(IndexFields.BODY, quoted.group(1), 0), EXACT_BOOST * PHRASE_BOOST);
                }
            }
        }
        words = QUOTED.matcher(words).replaceAll(" ");
        java.util.regex.Matcher negated = NEGATED.matcher(words);
        while (negated.find()) {
            // "-báo" leaves out "báo", not every "bảo" and "bao" too: a word typed with diacritics is left out as typed
            String field = hasDiacritics(negated.group(1)) ? IndexFields.BODY : IndexFields.BODY_FOLDED;
            Query not = builder.createPhraseQuery(field, negated.group(1), 0);
            if (not != null) {
                b.add(not, BooleanClause.Occur.MUST_NOT);
            }
        }
        words = NEGATED.matcher(words).replaceAll(" ").replaceAll("\\b(?:AND|NOT)\\b", " ").strip();
        Query free = words.isEmpty() ? null : freeText(words);
        if (free != null) {
            b.add(free, BooleanClause.Occur.MUST);
            required = true;
            // the trích yếu is short: its boosts are cheap and rank the first pass too
            addShould(b, builder.createBooleanQuery(IndexFields.SUBJECT_FOLDED, words), SUBJECT_BOOST);
            String expanded = expanded(words);
            if (expanded != null) {
                // "kế toán quỹ BHXH" also scores as "kế toán quỹ bảo hiểm xã hội" in the trích yếu and as a phrase
                addShould(b, builder.createMinShouldMatchQuery(IndexFields.SUBJECT_FOLDED, expanded, 0.6f), SUBJECT_BOOST);
                if (boosts) {
                    addShould(b, builder.createPhraseQuery(IndexFields.BODY_FOLDED, expanded, 0), PHRASE_BOOST);
                }
            }
            // the accents typed, or the most frequent reading of words typed without them, rank exact spellings
            // first; the exact words count in the first pass too, or "bão" would be lost among a thousand "bảo"
            String exact = exactReading(words, reading);
            if (!boosts) {
                // the first pass picks the hits the full query ranks: an exact spelling far rarer than its folded
                // form counts there, or "bão" would be lost among a thousand "bảo"; a common one ranks them later
                if (exact != null) {
                    BooleanQuery.Builder rare = new BooleanQuery.Builder();
                    for (String t : tokens(IndexFields.BODY, exact)) {
                        if (rareExact == null || rareExact.test(t)) {
                            rare.add(new TermQuery(new Term(IndexFields.BODY, t)), BooleanClause.Occur.SHOULD);
                        }
                    }
                    BooleanQuery r = rare.build();
                    if (!r.clauses().isEmpty()) {
                        addShould(b, r, EXACT_BOOST);
                    }
                }
                return b.build(); // phrases read positions: for the best hits only
            }
            if (exact != null) {
                addShould(b, builder.createBooleanQuery(IndexFields.BODY, exact), EXACT_BOOST);
            }
            addShould(b, builder.createPhraseQuery(IndexFields.BODY_FOLDED, words, 0), PHRASE_BOOST);
            if (exact != null) {
                addShould(b, builder.createPhraseQuery(IndexFields.BODY, exact, 0), EXACT_BOOST * PHRASE_BOOST);
                addShould(b, builder.createBooleanQuery(IndexFields.SUBJECT, exact), EXACT_BOOST * SUBJECT_BOOST);
            }
        }
        return required ? b.build() : null;
    }

    /**
     * The words as required clauses on the folded field, one per syllable — or, where an abbreviation or its
     * expansion stands, one clause that accepts either form. Long queries need three quarters of the clauses; two
     * syllables must stand together.
     */
    private Query freeText(String words) {
        List<String> toks = tokens(words);
        if (toks.isEmpty()) {
            return null;
        }
        List<Query> clauses = new java.util.ArrayList<>();
        for (int i = 0; i < toks.size(); ) {
            Match m = abbreviationAt(toks, i, true);
            if (m != null) {
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                either.add(sequence(toks.subList(i, i + m.length())), BooleanClause.Occur.SHOULD);
                either.add(sequence(m.other()), BooleanClause.Occur.SHOULD);
                clauses.add(either.build());
                i += m.length();
            } else {
                clauses.add(new TermQuery(new Term(IndexFields.BODY_FOLDED, toks.get(i))));
                i++;
            }
        }
        if (toks.size() == 2 && clauses.size() == 2 && clauses.stream().allMatch(c -> c instanceof TermQuery)) {
            // two syllables are most often one word ("bảo hiểm", "dẫn độ"): they must stand together, as a phrase,
            // which never spans a comma or a full stop (an abbreviation among them keeps its either-form clause)
            return builder.createPhraseQuery(IndexFields.BODY_FOLDED, words, 0);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Query c : clauses) {
            all.add(c, BooleanClause.Occur.SHOULD);
        }
        int n = clauses.size();
        all.setMinimumNumberShouldMatch(n <= 4 ? n : (int) Math.ceil(n * 0.75));
        return all.build();
    }

    /** The words (folded tokens) with each abbreviation replaced by its expansion; null when none stands in them. */
    private String expanded(String words) {
        List<String> toks = tokens(words);
        List<String> out = new java.util.ArrayList<>();
        boolean any = false;
        for (int i = 0; i < toks.size(); ) {
            Match m = abbreviationAt(toks, i, false);
            if (m != null) {
                out.addAll(m.other());
                i += m.length();
                any = true;
            } else {
                out.add(toks.get(i++));
            }
        }
        return any ? String.join(" ", out) : null;
    }

    /** An abbreviation or expansion of {@code length} tokens standing at a position, and its other form. */
    private record Match(int length, List<String> other) {
    }

    /**
     * The first table entry whose abbreviation (or, with {@code bothWays}, whose expansion too) stands in
     * {@code toks} at {@code i}; null for none.
     */
    private Match abbreviationAt(List<String> toks, int i, boolean bothWays) {
        for (List<List<String>> pair : abbreviations) {
            for (int side = 0; side < (bothWays ? 2 : 1); side++) {
                List<String> form = pair.get(side);
                if (!form.isEmpty() && i + form.size() <= toks.size() && toks.subList(i, i + form.size()).equals(form)) {
                    return new Match(form.size(), pair.get(1 - side));
                }
            }
        }
        return null;
    }

    private static Query sequence(List<String> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(IndexFields.BODY_FOLDED, tokens.get(0)));
        }
        org.apache.lucene.search.PhraseQuery.Builder p = new org.apache.lucene.search.PhraseQuery.Builder();
        for (String t : tokens) {
            p.add(new Term(IndexFields.BODY_FOLDED, t));
        }
        return p.build();
    }

    private static void addShould(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) {
            b.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        }
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
