package vn.vanban.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The abbreviation table ({@code vanban/search/abbreviations.yml}). Immutable. */
public record Abbreviations(List<Entry> entries) {

    /** One abbreviation, its expansion, and a text both must find. */
    public record Entry(String abbr, String expansion, String example) {
    }

    @SuppressWarnings("unchecked")
    public static Abbreviations load() {
        try (InputStream in = Abbreviations.class.getResourceAsStream("/vanban/search/abbreviations.yml")) {
            List<Map<String, String>> rows = new Yaml().load(in);
            List<Entry> list = new ArrayList<>();
            for (Map<String, String> r : rows) {
                list.add(new Entry(r.get("abbr"), r.get("expansion"), r.get("example")));
            }
            return new Abbreviations(List.copyOf(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
