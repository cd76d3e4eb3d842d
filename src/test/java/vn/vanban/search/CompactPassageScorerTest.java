package vn.vanban.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The snippets' passage scorer gives Lucene's passage score to the last bit, for passages of every shape. */
class CompactPassageScorerTest {

    @Test
    void scoresAsLucenesPassageScorer() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer compact = new CompactPassageScorer();
        Random r = new Random(7);
        String[] words = {"bao", "hiem", "xa", "hoi", "tinh", "uy", "ban", "nhan", "dan", "số", "sở"};
        int scored = 0;
        for (int k = 0; k < 2000; k++) {
            Passage p = new Passage();
            int start = r.nextInt(100_000);
            p.setStartOffset(start);
            p.setEndOffset(start + 600 + r.nextInt(200)); // matches are added within it
            int at = start;
            for (int m = 0, n = r.nextInt(40); m < n; m++) {
                at += 1 + r.nextInt(12);
                String w = words[r.nextInt(words.length)];
                // a term's frequency in the document is the same wherever it matches
                p.addMatch(at, at + w.length(), new BytesRef(w), 1 + Math.floorMod(w.hashCode(), 50));
            }
            int contentLength = p.getEndOffset() + r.nextInt(500_000);
            float expected = lucene.score(p, contentLength);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(compact.score(p, contentLength)),
                    "passage " + k + ": " + expected + " vs " + compact.score(p, contentLength));
            scored += expected > 0 ? 1 : 0;
        }
        assertTrue(scored > 1000, "most passages hold matches: " + scored);
    }
}
