package vn.vanban.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads a table of named regular expressions with the examples each must match, from a YAML resource:
 * a list of {@code {name, pattern, examples: [...], counterexamples: [...]}}. Immutable once loaded.
 */
public record NoisePatterns(List<Entry> entries) {

    /** How many lines above the line holding its literal a match may start. */
    public static final int LINES_BEFORE = 6;

    /**
     * One named pattern with the strings it must (and must not) find, and a literal every match contains: text
     * without the literal is not searched with the pattern at all.
     */
    public record Entry(String name, Pattern pattern, String literal, List<String> examples, List<String> counterexamples) {

        /** Whether the pattern can match in {@code text} at all. */
        public boolean mayMatch(String text) {
            return literal == null || text.contains(literal);
        }

        /**
         * Adds to {@code out} the [start, end) of every match in {@code text}, in order and not overlapping. With a
         * literal the pattern runs only on the lines around each occurrence of it (a match starts at most
         * {@value #LINES_BEFORE} lines above the literal's line and ends on it), so a long text is scanned with
         * {@code indexOf}, not with the pattern at every position.
         */
        public void matches(String text, List<int[]> out) {
            if (literal == null) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    out.add(new int[] {m.start(), m.end()});
                }
                return;
            }
            Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            int copied = 0;
            for (int at = text.indexOf(literal); at >= 0; ) {
                int lineEnd = text.indexOf('\n', at + literal.length());
                int from = at;
                for (int k = 0; k <= LINES_BEFORE && from > 0; k++) {
                    from = text.lastIndexOf('\n', from - 1);
                }
                m.region(Math.max(Math.max(from, 0), copied), lineEnd < 0 ? text.length() : lineEnd);
                if (m.find()) {
                    out.add(new int[] {m.start(), m.end()});
                    copied = m.end();
                    at = text.indexOf(literal, Math.max(copied, at + 1));
                } else {
                    at = text.indexOf(literal, at + literal.length());
                }
            }
        }
    }

    /** Loads the table at {@code resource} on the class path; fails fast on a missing or malformed table. */
    @SuppressWarnings("unchecked")
    public static NoisePatterns load(String resource) {
        try (InputStream in = NoisePatterns.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("pattern table not found on the class path: [" + resource + "]");
            }
            List<Map<String, Object>> rows = new Yaml().load(in);
            List<Entry> entries = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                Object name = row.get("name");
                Object regex = row.get("pattern");
                if (name == null || regex == null) {
                    throw new IllegalStateException("entry without name or pattern in [" + resource + "]: " + row);
                }
                entries.add(new Entry(name.toString(),
                        Pattern.compile(regex.toString(), Pattern.MULTILINE | Pattern.UNICODE_CASE),
                        (String) row.get("literal"),
                        List.copyOf((List<String>) row.getOrDefault("examples", List.of())),
                        List.copyOf((List<String>) row.getOrDefault("counterexamples", List.of()))));
            }
            return new NoisePatterns(List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pattern table [" + resource + "]", e);
        }
    }
}
