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
                              List<String> notDeadlines, List<String> clauseNotDeadlines, List<String> clauseDutyWords,
                              List<String> afterNotDeadlines, List<String> conditionOpens, List<String> sentenceNotDeadlines) {

    /** One expression: how it is written and what it means. */
    public record Entry(String name, String kind, Pattern pattern, String rrule, Map<String, String> examples,
                        String prefix) {

        /**
         * Whether a match of the pattern can start at {@code at}: the text there starts with the pattern's literal
         * prefix ({@link #literalPrefix}). The anchors of the text each start a few expressions only; this spares
         * running the others.
         */
        public boolean canStartAt(String text, int at) {
            return text.startsWith(prefix, at);
        }
    }

    /**
     * The text every match of {@code regex} starts with: its leading literal characters, up to the first
     * metacharacter; a character that a quantifier follows does not count. Empty when the pattern starts otherwise.
     */
    static String literalPrefix(String regex) {
        int i = 0;
        while (i < regex.length() && "\\[](){}.*+?^$|".indexOf(regex.charAt(i)) < 0) {
            i++;
        }
        if (i < regex.length() && "?*{".indexOf(regex.charAt(i)) >= 0 && i > 0) {
            i--; // "ab?c": the b is optional
        }
        return regex.substring(0, i);
    }

    @SuppressWarnings("unchecked")
    public static TimeExpressions load() {
        try (InputStream in = TimeExpressions.class.getResourceAsStream("/vanban/deadline/time-expressions.yml")) {
            Map<String, Object> t = new Yaml().load(in);
            List<Entry> list = new ArrayList<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) t.get("expressions")) {
                String regex = (String) e.get("pattern");
                list.add(new Entry((String) e.get("name"), (String) e.get("kind"),
                        Pattern.compile(regex), // matched against lower-cased text
                        (String) e.get("rrule"), (Map<String, String>) e.getOrDefault("examples", Map.of()),
                        literalPrefix(regex)));
            }
            return new TimeExpressions(List.copyOf(list), List.copyOf((List<String>) t.get("cues")),
                    List.copyOf((List<String>) t.get("sentence_cues")),
                    List.copyOf((List<String>) t.get("not_deadlines")),
                    List.copyOf((List<String>) t.get("clause_not_deadlines")),
                    List.copyOf((List<String>) t.get("clause_duty_words")),
                    List.copyOf((List<String>) t.get("after_not_deadlines")),
                    List.copyOf((List<String>) t.get("condition_opens")),
                    List.copyOf((List<String>) t.get("sentence_not_deadlines")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
