package vn.vanban.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage scoring (BM25 over the passage, {@link PassageScorer}'s own {@code tf}, {@code weight} and
 * {@code norm}, its defaults), the same score to the last bit, without a {@code BytesRefHash} a passage: Lucene's
 * scorer makes one — a 32 KB block — for every passage it weighs to tell the passage's distinct terms apart, and the
 * snippets of a search weigh hundreds of passages (more than half of all the memory a search allocated at 100,000
 * documents). A passage holds a few dozen matches at most, so its distinct terms are found by comparing them.
 */
final class CompactPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int n = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        // the distinct terms in the order they first match, as Lucene numbers them
        BytesRef[] distinct = new BytesRef[n];
        int[] inPassage = new int[n];
        int[] inDoc = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int t = 0;
            while (t < size && !distinct[t].bytesEquals(terms[i])) {
                t++;
            }
            if (t == size) {
                distinct[size++] = terms[i];
                inDoc[t] = freqsInDoc[i];
            }
            inPassage[t]++;
        }
        double score = 0;
        for (int t = 0; t < size; t++) {
            score += tf(inPassage[t], passage.getLength()) * weight(contentLength, inDoc[t]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
