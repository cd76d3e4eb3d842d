package vn.vanban.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The citation grammar of {@code vanban/citation/citation-patterns.yml}: named pieces ($number, $symbol, …)
 * assembled into named patterns, each with examples. Immutable.
 */
public record CitationPatterns(List<Entry> patterns, List<String> notDocuments, List<String> titleStarts,
                               List<String> finderCounterexamples) {

    /** One named pattern. */
    public record Entry(String name, Pattern pattern, List<String> examples, List<String> counterexamples) {
    }

    @SuppressWarnings("unchecked")
    public static CitationPatterns load() {
        try (InputStream in = CitationPatterns.class.getResourceAsStream("/vanban/citation/citation-patterns.yml")) {
            Map<String, Object> t = new Yaml().load(in);
            Map<String, String> pieces = (Map<String, String>) t.get("pieces");
            List<Entry> entries = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) t.get("patterns")) {
                String regex = (String) p.get("pattern");
                for (var piece : pieces.entrySet()) {
                    regex = regex.replace("$" + piece.getKey(), "(?:" + piece.getValue() + ")");
                }
                if (regex.contains("$")) {
                    throw new IllegalStateException("unknown piece in citation pattern " + p.get("name") + ": " + regex);
                }
                entries.add(new Entry((String) p.get("name"), Pattern.compile(regex),
                        (List<String>) p.getOrDefault("examples", List.of()),
                        (List<String>) p.getOrDefault("counterexamples", List.of())));
            }
            return new CitationPatterns(List.copyOf(entries), List.copyOf((List<String>) t.get("not_documents")),
                    List.copyOf((List<String>) t.get("title_starts")),
                    List.copyOf((List<String>) t.getOrDefault("finder_counterexamples", List.of())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
