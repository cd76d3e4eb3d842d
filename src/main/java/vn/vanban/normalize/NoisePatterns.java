package vn.vanban.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads a table of named regular expressions with the examples each must match, from a YAML resource:
 * a list of {@code {name, pattern, examples: [...], counterexamples: [...]}}. Immutable once loaded.
 */
public record NoisePatterns(List<Entry> entries) {

    /**
     * One named pattern with the strings it must (and must not) find, and a literal every match contains: text
     * without the literal is not searched with the pattern at all.
     */
    public record Entry(String name, Pattern pattern, String literal, List<String> examples, List<String> counterexamples) {

        /** Whether the pattern can match in {@code text} at all. */
        public boolean mayMatch(String text) {
            return literal == null || text.contains(literal);
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
