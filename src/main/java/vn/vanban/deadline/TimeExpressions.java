package vn.vanban.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The table of time expressions ({@code vanban/deadline/time-expressions.yml}). Immutable. */
public record TimeExpressions(List<Entry> expressions, List<String> cues, List<String> sentenceCues,
                              List<String> notDeadlines) {

    /** One expression: how it is written and what it means. */
    public record Entry(String name, String kind, Pattern pattern, String rrule, Map<String, String> examples) {
    }

    @SuppressWarnings("unchecked")
    public static TimeExpressions load() {
        try (InputStream in = TimeExpressions.class.getResourceAsStream("/vanban/deadline/time-expressions.yml")) {
            Map<String, Object> t = new Yaml().load(in);
            List<Entry> list = new ArrayList<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) t.get("expressions")) {
                list.add(new Entry((String) e.get("name"), (String) e.get("kind"),
                        Pattern.compile((String) e.get("pattern")), // matched against lower-cased text
                        (String) e.get("rrule"), (Map<String, String>) e.getOrDefault("examples", Map.of())));
            }
            return new TimeExpressions(List.copyOf(list), List.copyOf((List<String>) t.get("cues")),
                    List.copyOf((List<String>) t.get("sentence_cues")),
                    List.copyOf((List<String>) t.get("not_deadlines")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
