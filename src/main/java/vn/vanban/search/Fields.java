package vn.vanban.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import vn.vanban.normalize.Folding;
import vn.vanban.normalize.ToneNormalizer;

/**
 * The lĩnh vực (field) of a document, from the keyword table {@code vanban/search/fields.yml}: the field whose
 * keywords the trích yếu and the start of the text name most. Immutable and thread-safe.
 */
public final class Fields {

    static final int SUBJECT_WEIGHT = 5;
    static final int BODY_CHARS = 4000;
    static final int MIN_SCORE = 3;

    /** One field, its keywords as printed, and trích yếu that must be classed in it. */
    public record Field(String name, List<String> keywords, List<String> examples) {
    }

    private record Keyword(String[] words, int field) {
    }

    private final List<Field> fields;
    /** Keywords by their first word, longest first. */
    private final Map<String, List<Keyword>> byFirstWord = new HashMap<>();

    private Fields(List<Field> fields) {
        this.fields = fields;
        for (int f = 0; f < fields.size(); f++) {
            for (String k : fields.get(f).keywords()) {
                String[] words = words(key(k)).toArray(String[]::new);
                if (words.length > 0) {
                    byFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Keyword(words, f));
                }
            }
        }
        byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt((Keyword k) -> k.words().length).reversed()));
    }

    /** Loads the table from the class path; fails fast when it is missing or malformed. */
    @SuppressWarnings("unchecked")
    public static Fields load() {
        try (InputStream in = Fields.class.getResourceAsStream("/vanban/search/fields.yml")) {
            if (in == null) {
                throw new IllegalStateException("field table not found: /vanban/search/fields.yml");
            }
            Map<String, Object> root = new Yaml().load(in);
            List<Field> list = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) root.get("fields")) {
                List<String> keywords = ((List<Object>) r.get("keywords")).stream().map(String::valueOf).toList();
                List<String> examples = r.get("examples") == null ? List.of() : (List<String>) r.get("examples");
                list.add(new Field((String) r.get("name"), keywords, examples));
            }
            return new Fields(List.copyOf(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Field> all() {
        return fields;
    }

    /** The field of a document with trích yếu {@code subject} and text {@code text} (either may be null), or null. */
    public String classify(String subject, String text) {
        int[] score = new int[fields.size()];
        count(subject, SUBJECT_WEIGHT, score);
        count(text == null || text.length() <= BODY_CHARS ? text : text.substring(0, BODY_CHARS), 1, score);
        int best = -1;
        for (int f = 0; f < score.length; f++) {
            if (score[f] >= MIN_SCORE && (best < 0 || score[f] > score[best])) {
                best = f;
            }
        }
        return best < 0 ? null : fields.get(best).name();
    }

    private void count(String s, int weight, int[] score) {
        if (s == null || s.isBlank()) {
            return;
        }
        List<String> words = words(key(s));
        for (int i = 0; i < words.size(); ) {
            Keyword hit = null;
            for (Keyword k : byFirstWord.getOrDefault(words.get(i), List.of())) {
                if (matchesAt(words, i, k.words())) {
                    hit = k; // the longest keyword starting here
                    break;
                }
            }
            if (hit == null) {
                i++;
            } else {
                score[hit.field()] += weight;
                i += hit.words().length;
            }
        }
    }

    private static boolean matchesAt(List<String> words, int at, String[] keyword) {
        if (at + keyword.length > words.size()) {
            return false;
        }
        for (int k = 0; k < keyword.length; k++) {
            if (!words.get(at + k).equals(keyword[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text as keywords are compared: lower case, NFC, tones where the classic orthography puts them. Diacritics are
     * kept: folded, "dược" (pharmacy) would be "được" (passive) and "phí" (fee) "phi".
     */
    private static String key(String s) {
        return ToneNormalizer.normalize(Folding.lower(s));
    }

    /** The words of a text: runs of letters and digits ("covid-19" is "covid", "19"). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            while (i < n && !vn.vanban.normalize.CharTables.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && vn.vanban.normalize.CharTables.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }
}
