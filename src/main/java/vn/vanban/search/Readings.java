package vn.vanban.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import vn.vanban.index.IndexFields;
import vn.vanban.normalize.Folding;

/**
 * The accented reading of words typed without diacritics, as the documents that match them best spell them: "muc
 * luong co so" is read "mức lương cơ sở" because the best matches print it so, where each syllable's most frequent
 * spelling alone would give "mục lượng có số". The spellings are read from the stored texts of the first hits at the
 * places the folded words stand together (the whole run of words first, then pairs, then single words), so the
 * reading follows context. Words typed with diacritics keep them. Stateless.
 */
final class Readings {

    /** First-pass hits whose texts are read. */
    static final int DOCUMENTS = 3;
    /** Occurrences of one run read per document. */
    private static final int PER_DOCUMENT = 20;
    private static final int WHOLE = 4;
    private static final int PAIR = 2;
    private static final int SINGLE = 1;

    private Readings() {
    }

    /** Whether {@code words} has a syllable typed without diacritics: only then is a reading looked for. */
    static boolean plain(String words) {
        for (String w : words.strip().split("\\s+")) {
            String f = Folding.fold(w).replaceAll("[^\\p{L}\\p{N}]", "");
            if (!f.isEmpty() && !QueryFactory.hasDiacritics(w) && f.chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reading of {@code words} (a query's free words) in {@code texts}, the stored texts of the first hits, best
     * first (the first {@value #DOCUMENTS} are read; a null text is passed over); null when the words have no syllable
     * typed without diacritics or no text shows one.
     */
    static String of(List<String> texts, String words) {
        String[] typed = words.strip().split("\\s+");
        List<String> folded = new ArrayList<>();
        boolean plain = false;
        for (String w : typed) {
            String f = Folding.fold(w).replaceAll("[^\\p{L}\\p{N}]", "");
            folded.add(f);
            plain |= !f.isEmpty() && !QueryFactory.hasDiacritics(w) && f.chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0);
        }
        if (!plain || texts.isEmpty()) {
            return null;
        }
        List<Map<String, Integer>> votes = new ArrayList<>();
        for (int i = 0; i < typed.length; i++) {
            votes.add(new HashMap<>());
        }
        // the runs looked for: the whole run of words, then each pair, then each word, with the weight of a vote
        List<Run> runs = new ArrayList<>();
        addRun(runs, folded, 0, folded.size(), WHOLE);
        for (int i = 0; i + 1 < folded.size(); i++) {
            addRun(runs, folded, i, i + 2, PAIR);
        }
        for (int i = 0; i < folded.size(); i++) {
            addRun(runs, folded, i, i + 1, SINGLE);
        }
        for (int d = 0; d < Math.min(DOCUMENTS, texts.size()); d++) {
            String text = texts.get(d);
            if (text == null) {
                continue;
            }
            String foldedText = Folding.fold(text); // same length: offsets carry over to the text
            for (Run run : runs) {
                vote(text, foldedText, run, votes);
            }
        }
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (int i = 0; i < typed.length; i++) {
            String w = typed[i];
            String r = w;
            if (!QueryFactory.hasDiacritics(w)) {
                String best = votes.get(i).entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
                if (best != null && !best.equals(w.toLowerCase(java.util.Locale.ROOT))) {
                    r = best;
                    changed = true;
                }
            }
            out.append(out.length() == 0 ? "" : " ").append(r);
        }
        return changed ? out.toString() : null;
    }

    /**
     * Words {@code from} to {@code to} of the query, as a pattern over folded text, its first word, and the weight of
     * a vote.
     */
    private record Run(Pattern pattern, String first, int from, int to, int weight) {
    }

    private static void addRun(List<Run> runs, List<String> folded, int from, int to, int weight) {
        // no look-behind for the word's start: tried at every position of every text, it cost more than all the rest
        // of reading; a match inside a word is passed over in vote
        StringBuilder regex = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (folded.get(i).isEmpty()) {
                return;
            }
            regex.append(i > from ? "[\\s\\u00a0]+" : "").append('(').append(Pattern.quote(folded.get(i))).append(')');
        }
        regex.append("(?![\\p{L}\\p{N}])");
        runs.add(new Run(Pattern.compile(regex.toString()), folded.get(from), from, to, weight));
    }

    /** Adds the run's weight to the spelling of each of its words wherever the run stands in the text. */
    private static void vote(String text, String foldedText, Run run, List<Map<String, Integer>> votes) {
        Matcher m = run.pattern().matcher(foldedText);
        int n = 0;
        // the run is tried only where its first word stands (a plain search, many times faster than the pattern's
        // own scan of a long text), and not inside a word
        for (int at = foldedText.indexOf(run.first()); n < PER_DOCUMENT && at >= 0;
             at = foldedText.indexOf(run.first(), at + 1)) {
            if (at > 0 && wordChar(foldedText.codePointBefore(at)) || !m.region(at, foldedText.length()).lookingAt()) {
                continue;
            }
            n++;
            for (int g = 1; g <= run.to() - run.from(); g++) {
                String spelling = Normalizer.normalize(text.substring(m.start(g), m.end(g)), Normalizer.Form.NFC)
                        .toLowerCase(java.util.Locale.ROOT);
                votes.get(run.from() + g - 1).merge(spelling, run.weight(), Integer::sum);
            }
            at = m.end() - 1; // the next occurrence starts after this one
        }
    }

    /** A letter or a number ({@code [\p{L}\p{N}]}). */
    private static boolean wordChar(int cp) {
        int t = Character.getType(cp);
        return Character.isLetter(cp) || t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER;
    }
}
