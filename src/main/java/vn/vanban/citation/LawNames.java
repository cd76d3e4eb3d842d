package vn.vanban.citation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import vn.vanban.normalize.Folding;

/**
 * A law's name as a "Căn cứ" line writes it after its type word ({@code vanban/citation/law-names.yml}): "TỔ CHỨC CHÍNH
 * PHỦ" → "Tổ chức Chính phủ", "Về sửa đổi, bổ sung …" → "sửa đổi, bổ sung …". Immutable.
 */
public final class LawNames {

    /** A law named inside a name: "… của luật bảo hiểm y tế" → "… của Luật Bảo hiểm y tế". */
    private static final Pattern INNER_LAW = Pattern.compile("(?<![\\p{L}\\p{N}])(bộ luật|luật|pháp lệnh) (\\p{Ll})");

    /** Each proper name, found in lower case as a whole word, with the capitals it keeps. */
    private final List<Map.Entry<Pattern, String>> properNames;
    private final List<String> dropStarts;
    private final List<String> actStarts;
    private final Map<String, String> examples;
    private final List<String> titleVerbs;
    private final List<String> headIssued;
    private final List<String> citedTitleEnds;
    private final Map<String, String> heads;

    @SuppressWarnings("unchecked")
    private LawNames(Map<String, Object> t) {
        properNames = ((List<String>) t.get("proper_names")).stream().map(n -> Map.entry(Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(n.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])"), n)).toList();
        dropStarts = (List<String>) t.get("drop_starts");
        actStarts = (List<String>) t.get("act_starts");
        examples = (Map<String, String>) t.get("examples");
        titleVerbs = ((List<String>) t.get("title_verbs")).stream().map(v -> Folding.fold(v) + " ").toList();
        headIssued = (List<String>) t.get("head_issued");
        citedTitleEnds = (List<String>) t.get("cited_title_ends");
        heads = (Map<String, String>) t.get("heads");
    }

    /** The table of {@code vanban/citation/law-names.yml}. */
    public static LawNames load() {
        try (InputStream in = LawNames.class.getResourceAsStream("/vanban/citation/law-names.yml")) {
            return new LawNames(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Title → name, each a test. */
    public Map<String, String> examples() {
        return examples;
    }

    /** Whether a law's name opens with what it does ("sửa đổi, bổ sung một số điều của …"). */
    public boolean saysWhatItDoes(String name) {
        String f = Folding.fold(name.strip());
        return actStarts.stream().anyMatch(a -> f.startsWith(Folding.fold(a)));
    }

    /**
     * The trích yếu of a cited document as its citing sentence gave it, without what the sentence goes on to say after
     * it ("… về kiểm tra, rà soát văn bản quy phạm pháp luật đã được sửa đổi, bổ sung bởi …" → "… về kiểm tra, rà soát
     * văn bản quy phạm pháp luật").
     */
    public String citedTitle(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        int end = title.length();
        for (String e : citedTitleEnds) {
            int at = lower.indexOf(" " + e);
            end = at > 0 ? Math.min(end, at) : end;
        }
        return title.substring(0, end).replaceAll("[\\s,;]+$", "");
    }

    /** Whether a trích yếu opens with what the document does ("Cắt giảm, phân cấp …"), word for word. */
    public boolean opensWithAct(String title) {
        String f = Folding.fold(title.strip()).replace(",", " ");
        return titleVerbs.stream().anyMatch(f::startsWith);
    }

    /**
     * Who a line names as the issuer of a {@code type} issued by {@code body}: a thông tư is issued by the body's head
     * ("Bộ Tài chính" → "Bộ trưởng Bộ Tài chính"); other types, a joint issue or a body already named by its head, as given.
     */
    public String issuedBy(String type, String body) {
        if (type == null || !headIssued.contains(type) || body.contains(",")) {
            return body;
        }
        for (Map.Entry<String, String> h : heads.entrySet()) {
            if (body.startsWith(h.getKey())) {
                return h.getValue().replace("{body}", body);
            }
        }
        return body;
    }

    /** The name written after the type word for a law titled {@code title}. */
    public String name(String title) {
        String t = title.strip().replaceAll("\\s+", " ");
        for (String d : dropStarts) {
            if (Folding.fold(t).startsWith(Folding.fold(d) + " ")) {
                t = t.substring(d.length()).strip();
            }
        }
        boolean capitals = t.equals(t.toUpperCase(Locale.ROOT));
        if (capitals) {
            t = t.toLowerCase(Locale.ROOT);
            Matcher m = INNER_LAW.matcher(t);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String type = m.group(1);
                m.appendReplacement(b, Matcher.quoteReplacement(Character.toUpperCase(type.charAt(0)) + type.substring(1) + " "
                        + m.group(2).toUpperCase(Locale.ROOT)));
            }
            m.appendTail(b);
            t = b.toString();
            for (Map.Entry<Pattern, String> n : properNames) {
                t = n.getKey().matcher(t).replaceAll(Matcher.quoteReplacement(n.getValue()));
            }
        }
        if (saysWhatItDoes(t)) {
            return Character.toLowerCase(t.charAt(0)) + t.substring(1); // "Luật sửa đổi, bổ sung …"
        }
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
