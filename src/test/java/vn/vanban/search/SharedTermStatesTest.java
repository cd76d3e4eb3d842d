package vn.vanban.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A search's passes share each term's statistics: the queries they run find the same documents with the same scores
 * as the queries built, over an index of several segments, and each term is looked up once.
 */
class SharedTermStatesTest {

    @Test
    void sharedStatisticsGiveTheSameHitsAndScores() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            Random r = new Random(5);
            String[] words = {"bao", "hiem", "xa", "hoi", "quy", "tinh", "uy", "ban", "nhan", "dan"};
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(40))) {
                for (int i = 0; i < 300; i++) {
                    StringBuilder b = new StringBuilder();
                    for (int k = 0, n = 2 + r.nextInt(30); k < n; k++) {
                        b.append(words[r.nextInt(words.length)]).append(' ');
                    }
                    Document d = new Document();
                    d.add(new TextField("body", b.toString(), Field.Store.NO));
                    d.add(new TextField("subject", words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)],
                            Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.leaves().size() > 1, "several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                Query words2 = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("body", "bao")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("body", "hiem")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("body", "xa")), BooleanClause.Occur.SHOULD)
                        .setMinimumNumberShouldMatch(2).build();
                List<Query> queries = List.of(
                        new TermQuery(new Term("body", "quy")),
                        words2,
                        new BooleanQuery.Builder().add(words2, BooleanClause.Occur.MUST)
                                .add(new BoostQuery(new TermQuery(new Term("subject", "bao")), 2f), BooleanClause.Occur.SHOULD)
                                .add(new ConstantScoreQuery(new TermQuery(new Term("subject", "xa"))), BooleanClause.Occur.SHOULD)
                                .add(new PhraseQuery("body", "uy", "ban"), BooleanClause.Occur.SHOULD)
                                .add(new TermQuery(new Term("body", "tinh")), BooleanClause.Occur.MUST_NOT).build());
                SharedTermStates shared = new SharedTermStates(searcher);
                for (int pass = 0; pass < 2; pass++) { // the second pass takes every term's statistics from the first
                    for (Query q : queries) {
                        Query applied = shared.apply(q);
                        assertTrue(termQueries(applied).stream().allMatch(t -> t.getTermStates() != null),
                                "every term query carries its statistics: " + applied);
                        ScoreDoc[] expected = searcher.search(q, 1000).scoreDocs;
                        ScoreDoc[] got = searcher.search(applied, 1000).scoreDocs;
                        assertTrue(expected.length > 5, q.toString());
                        assertEquals(expected.length, got.length, q.toString());
                        for (int i = 0; i < expected.length; i++) {
                            assertEquals(expected[i].doc, got[i].doc, q + " rank " + i);
                            assertEquals(expected[i].score, got[i].score, 0f, q + " rank " + i);
                        }
                    }
                }
                Term bao = new Term("body", "bao");
                assertSame(shared.of(bao), shared.of(bao), "looked up once");
                assertEquals(reader.docFreq(bao), shared.docFreq(bao));
            }
        }
    }

    private static List<TermQuery> termQueries(Query q) {
        List<TermQuery> out = new ArrayList<>();
        q.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query query) {
                if (query instanceof TermQuery t) {
                    out.add(t);
                }
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                if (query instanceof TermQuery t) {
                    out.add(t);
                }
            }
        });
        return out;
    }
}
