package vn.vanban.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The first pass ranks the hits the facet pass found without reading phrase positions again: it must return exactly
 * the documents the query matches (phrases, exclusions and minimum matches included), never one that only holds the
 * phrase's words apart.
 */
class FirstPassScoringTest {

    @Test
    void aQueryRankedInOnePassCountsEveryHit() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(500))) {
                for (int i = 0; i < 2500; i++) { // more hits than Lucene counts exactly by default (1,000)
                    Document d = new Document();
                    d.add(new TextField("body", "bao hiem" + (i % 3 == 0 ? " xa" : ""), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query q = new BooleanQuery.Builder().add(new TermQuery(new Term("body", "bao")), BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term("body", "xa")), BooleanClause.Occur.SHOULD).build();
                assertTrue(!FirstPassScoring.ranksApart(searcher, q), "no phrase: one pass");
                SearchService.FirstPass fp = SearchService.firstPass(searcher, q, 100);
                assertEquals(2500, fp.total());
                assertEquals(100, fp.topDocs().scoreDocs.length);
                long faceted = 0;
                for (var m : fp.facetsCollector().getMatchingDocs()) {
                    faceted += m.totalHits();
                }
                assertEquals(2500, faceted, "the facets see every hit");
            }
        }
    }

    @Test
    void theFirstPassHoldsExactlyWhatTheQueryMatches() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            Random r = new Random(11);
            String[] words = {"bao", "hiem", "xa", "hoi", "quy", "loai", "tinh", "uy", "ban", "nhan", "dan", "ubnd"};
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(50))) {
                for (int i = 0; i < 400; i++) { // several segments
                    StringBuilder b = new StringBuilder();
                    int n = 3 + r.nextInt(25);
                    for (int k = 0; k < n; k++) {
                        b.append(words[r.nextInt(words.length)]).append(' ');
                    }
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                    d.add(new TextField("body", b.toString(), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.leaves().size() > 1, "several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                Query phrase = new PhraseQuery("body", "bao", "hiem");
                Query either = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("body", "ubnd")), BooleanClause.Occur.SHOULD)
                        .add(new PhraseQuery("body", "uy", "ban", "nhan", "dan"), BooleanClause.Occur.SHOULD).build();
                Query atLeast = new BooleanQuery.Builder()
                        .add(either, BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("body", "tinh")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("body", "xa")), BooleanClause.Occur.SHOULD)
                        .setMinimumNumberShouldMatch(2).build();
                List<Query> queries = List.of(
                        phrase,
                        new BooleanQuery.Builder().add(phrase, BooleanClause.Occur.MUST)
                                .add(new TermQuery(new Term("body", "loai")), BooleanClause.Occur.MUST_NOT)
                                .add(new BoostQuery(new TermQuery(new Term("body", "xa")), 2f), BooleanClause.Occur.SHOULD).build(),
                        atLeast,
                        new BooleanQuery.Builder().add(new TermQuery(new Term("body", "bao")), BooleanClause.Occur.MUST)
                                .add(new TermQuery(new Term("body", "hiem")), BooleanClause.Occur.MUST).build(),
                        // a required clause that only filters: it scores nothing, yet what it lets through must stay
                        new BooleanQuery.Builder().add(new BooleanQuery.Builder()
                                        .add(new TermQuery(new Term("body", "bao")), BooleanClause.Occur.FILTER)
                                        .add(new TermQuery(new Term("body", "xa")), BooleanClause.Occur.FILTER).build(),
                                        BooleanClause.Occur.MUST)
                                .add(phrase, BooleanClause.Occur.SHOULD).build(),
                        new BooleanQuery.Builder().add(atLeast, BooleanClause.Occur.MUST)
                                .add(new PhraseQuery("body", "quy", "hiem"), BooleanClause.Occur.MUST_NOT).build());
                for (Query q : queries) {
                    Set<Integer> expected = new HashSet<>();
                    for (ScoreDoc sd : searcher.search(q, 1000).scoreDocs) {
                        expected.add(sd.doc);
                    }
                    assertTrue(expected.size() > 5 && expected.size() < 400, q + ": " + expected.size());
                    SearchService.FirstPass fp = SearchService.firstPass(searcher, q, 1000);
                    assertEquals(expected.size(), fp.total(), q.toString());
                    Set<Integer> got = new HashSet<>();
                    for (ScoreDoc sd : fp.topDocs().scoreDocs) {
                        got.add(sd.doc);
                    }
                    assertEquals(expected, got, q.toString());
                    // ranked apart when it holds a phrase; as it is when it holds none (required words skip well)
                    Query scoring = FirstPassScoring.of(searcher, q, searcher.search(q, new FacetsCollectorManager()), expected.size());
                    assertEquals(q.toString().contains("\""), scoring != null, q + " ranked as " + scoring);
                    assertEquals(scoring != null, FirstPassScoring.ranksApart(searcher, q), q.toString());
                    if (scoring == null) {
                        // no phrase: found and ranked in one pass, in the order Lucene ranks the query
                        ScoreDoc[] plain = searcher.search(q, 1000).scoreDocs;
                        for (int i = 0; i < plain.length; i++) {
                            assertEquals(plain[i].doc, fp.topDocs().scoreDocs[i].doc, q + " rank " + i);
                        }
                    }
                }
                // a query every document matches: ranked without the filter of what matched, all of them still there
                Query everything = new BooleanQuery.Builder()
                        .add(new org.apache.lucene.search.MatchAllDocsQuery(), BooleanClause.Occur.SHOULD)
                        .add(phrase, BooleanClause.Occur.SHOULD).build();
                SearchService.FirstPass all = SearchService.firstPass(searcher, everything, 1000);
                assertEquals(400, all.total());
                Set<Integer> docs = new HashSet<>();
                for (ScoreDoc sd : all.topDocs().scoreDocs) {
                    docs.add(sd.doc);
                }
                assertEquals(400, docs.size());
                Query scoring = FirstPassScoring.of(searcher, everything, searcher.search(everything, new FacetsCollectorManager()), 400);
                assertTrue(!scoring.toString().contains("matched("), scoring.toString());
                // those holding the phrase's words rank first
                Query phraseWords = new BooleanQuery.Builder().add(new TermQuery(new Term("body", "bao")), BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term("body", "hiem")), BooleanClause.Occur.MUST).build();
                Set<Integer> withPhrase = new HashSet<>();
                for (ScoreDoc sd : searcher.search(phraseWords, 1000).scoreDocs) {
                    withPhrase.add(sd.doc);
                }
                assertTrue(withPhrase.contains(all.topDocs().scoreDocs[0].doc));
            }
        }
    }
}
