package vn.vanban.organize;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.vanban.normalize.Folding;
import vn.vanban.store.StoredDocument;

/**
 * Rules that tag documents at ingest, as data: {@code tag-rules.yml} on the class path, or the file named by
 * {@code vanban.tags.rules-file}. A rule's conditions must all hold: any of its words in the subject (or the text),
 * the issuer containing a name, the type being one. A phrase with diacritics matches those diacritics exactly, one
 * without matches every spelling; whole words only, letter case aside.
 */
@Singleton
public class TagRules {

    /** One rule. */
    public record Rule(String tag, List<Phrase> words, boolean inText, @Nullable String issuer, @Nullable String type) {

        /** Whether {@code doc}, whose normalized text is {@code text}, earns the tag. */
        public boolean matches(StoredDocument doc, String text) {
            if (type != null && (doc.docType() == null || !Folding.fold(doc.docType()).equals(Folding.fold(type)))) {
                return false;
            }
            if (issuer != null && (doc.issuer() == null || !Folding.fold(doc.issuer()).contains(Folding.fold(issuer)))) {
                return false;
            }
            if (words.isEmpty()) {
                return true;
            }
            String where = inText ? text : doc.subject();
            if (where == null || where.isEmpty()) {
                return false;
            }
            String exact = lower(where);
            String folded = Folding.fold(where);
            for (Phrase p : words) {
                if (p.pattern().matcher(p.folded() ? folded : exact).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A phrase of a rule: typed without diacritics, it is matched against the folded text. */
    public record Phrase(Pattern pattern, boolean folded) {
    }

    private final List<Rule> rules;

    public TagRules(@Value("${vanban.tags.rules-file:}") String rulesFile) {
        try (InputStream in = rulesFile == null || rulesFile.isBlank()
                ? TagRules.class.getResourceAsStream("/tag-rules.yml") : Files.newInputStream(Path.of(rulesFile))) {
            this.rules = parse(in, rulesFile == null || rulesFile.isBlank() ? "tag-rules.yml" : rulesFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tag rules " + rulesFile, e);
        }
    }

    TagRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules, in file order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The tags {@code doc} earns, in rule order. */
    public Set<String> tagsFor(StoredDocument doc, String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Rule r : rules) {
            if (!out.contains(r.tag()) && r.matches(doc, text)) {
                out.add(r.tag());
            }
        }
        return out;
    }

    /** The rules of a YAML document ({@code rules: [{tag, words, in, issuer, type}]}); {@code name} for errors. */
    @SuppressWarnings("unchecked")
    static List<Rule> parse(InputStream in, String name) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map) || !(map.get("rules") instanceof List<?> list)) {
            if (root instanceof Map<?, ?> m && m.containsKey("rules") && m.get("rules") == null) {
                return List.of();
            }
            throw new IllegalArgumentException(name + ": expected a list under \"rules\"");
        }
        List<Rule> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> r) || !(r.get("tag") instanceof String tag) || tag.isBlank()) {
                throw new IllegalArgumentException(name + ": each rule needs a tag: " + o);
            }
            List<Phrase> words = new ArrayList<>();
            Object w = r.get("words");
            if (w != null && !(w instanceof List<?>)) {
                throw new IllegalArgumentException(name + ": words of rule " + tag + " must be a list");
            }
            for (Object word : w == null ? List.of() : (List<Object>) w) {
                words.add(phrase(String.valueOf(word)));
            }
            Object where = r.get("in");
            if (where != null && !"subject".equals(where) && !"text".equals(where)) {
                throw new IllegalArgumentException(name + ": \"in\" of rule " + tag + " must be subject or text, not " + where);
            }
            String issuer = r.get("issuer") == null ? null : String.valueOf(r.get("issuer"));
            String type = r.get("type") == null ? null : String.valueOf(r.get("type"));
            if (words.isEmpty() && issuer == null && type == null) {
                throw new IllegalArgumentException(name + ": rule " + tag + " has no condition (words, issuer or type)");
            }
            out.add(new Rule(Tags.clean(tag), List.copyOf(words), "text".equals(where), issuer, type));
        }
        return out;
    }

    /** The pattern of a phrase: whole words, spaces as any run of spaces, folded when typed without diacritics. */
    static Phrase phrase(String phrase) {
        String p = lower(phrase.strip());
        boolean plain = Folding.fold(p).equals(p);
        String body = String.join("\\s+", java.util.Arrays.stream(p.split("\\s+")).map(Pattern::quote).toList());
        return new Phrase(Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])"), plain);
    }

    private static String lower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
