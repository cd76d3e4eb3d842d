package vn.vanban.citation;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Reads the relation of a citation from the words before it in its sentence ({@code relations.yml}). */
@Singleton
public final class Relations {

    /** One relation with its keywords and examples. */
    public record Relation(String name, List<String> keywords, List<String> examples) {
    }

    private final List<Relation> relations;

    @SuppressWarnings("unchecked")
    public Relations() {
        try (InputStream in = Relations.class.getResourceAsStream("/vanban/citation/relations.yml")) {
            Map<String, Object> t = new Yaml().load(in);
            List<Relation> list = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) t.get("relations")) {
                list.add(new Relation((String) r.get("relation"), (List<String>) r.get("keywords"),
                        (List<String>) r.get("examples")));
            }
            relations = List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Relation> all() {
        return relations;
    }

    /** The relation given by {@code before}, the sentence up to the citation. */
    public String of(String before) {
        String s = before.stripLeading();
        if (s.startsWith("Căn cứ") || s.startsWith("- Căn cứ")) {
            return "basis";
        }
        int best = -1;
        String relation = "other";
        for (Relation r : relations) {
            for (String k : r.keywords()) {
                int at = s.lastIndexOf(k);
                if (at > best) {
                    best = at;
                    relation = r.name();
                }
            }
        }
        return relation;
    }
}
