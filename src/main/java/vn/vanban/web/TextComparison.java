package vn.vanban.web;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * So sánh văn bản: two texts side by side, paragraph against paragraph, with the words deleted and inserted marked
 * (java-diff-utils: a line diff, then a word diff inside changed lines; lines are HTML-escaped by the library before
 * the {@code <del>}/{@code <ins>} tags go in). Either side may be cut to one article ("Điều 32"): its own article where
 * the text has one, else the passage of an amending document that rewrites it ("Sửa đổi, bổ sung Điều 32 như sau: …",
 * with the new wording in quotes, its own numbered items included).
 */
final class TextComparison {

    private TextComparison() {
    }

    /** One row of the comparison: both sides as HTML, and whether they differ. */
    record Row(String left, String right, String kind) {
    }

    private static final Pattern ARTICLE_HEADING = Pattern.compile("(?m)^[ \\t]*Điều[ \\t]+(\\d+[a-zđ]?)[ \\t]*[.:]");
    private static final Pattern ANY_HEADING = Pattern.compile("(?m)^[ \\t]*(?:Điều[ \\t]+\\d+[a-zđ]?[ \\t]*[.:]|Chương[ \\t]+[IVXLC\\d]+)");
    /** The next item of the same or a higher level after an amending passage: "2. …", "Điều 3.", "Chương". */
    private static final Pattern NEXT_ITEM = Pattern.compile("(?m)^[ \\t]*(?:\\d{1,2}\\.[ \\t]|Điều[ \\t]+\\d+|Chương[ \\t])");
    private static final Pattern LABEL = Pattern.compile("(?iu)^\\s*điều\\s+(\\d+[a-zđ]?)\\s*$");

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .mergeOriginalRevised(false)
            .ignoreWhiteSpaces(true)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    /**
     * The part of {@code text} that {@code article} ("Điều 32", any case) names: that article, from its heading to
     * the next article or chapter; else, in an amending text, the passage from the line that names it to the next item
     * of its level; null when the text names no such article. A blank {@code article} is the whole text.
     */
    static @Nullable String part(String text, @Nullable String article) {
        if (article == null || article.isBlank()) {
            return text;
        }
        Matcher label = LABEL.matcher(article);
        if (!label.matches()) {
            throw new IllegalArgumentException("phần so sánh phải là một điều, ví dụ \"Điều 32\": [" + article + "]");
        }
        String n = label.group(1);
        Matcher h = ARTICLE_HEADING.matcher(text);
        while (h.find()) {
            if (h.group(1).equals(n)) {
                Matcher next = ANY_HEADING.matcher(text);
                int end = next.find(h.end()) ? next.start() : text.length();
                return text.substring(h.start(), end).strip();
            }
        }
        Matcher named = Pattern.compile("Điều\\s+" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])").matcher(text);
        if (!named.find()) {
            return null;
        }
        int start = text.lastIndexOf('\n', named.start()) + 1;
        Matcher next = NEXT_ITEM.matcher(text);
        int end = text.length();
        int from = text.indexOf('\n', named.end());
        // the new wording is quoted (“Điều 32. …”): its own numbered items belong to it, up to the closing quote
        if (from >= 0) {
            int quote = from + 1;
            while (quote < text.length() && Character.isWhitespace(text.charAt(quote))) {
                quote++;
            }
            if (quote < text.length() && (text.charAt(quote) == '“' || text.charAt(quote) == '"')) {
                int close = text.indexOf(text.charAt(quote) == '“' ? '”' : '"', quote + 1);
                from = close < 0 ? text.length() : close;
            }
        }
        if (from >= 0 && from < text.length() && next.find(from)) {
            end = next.start();
        }
        return text.substring(start, end).strip();
    }

    /** The rows comparing {@code left} (the older) with {@code right} (the newer), paragraph by paragraph. */
    static List<Row> rows(String left, String right) {
        List<Row> out = new ArrayList<>();
        for (DiffRow r : GENERATOR.generateDiffRows(paragraphs(left), paragraphs(right))) {
            String kind = switch (r.getTag()) {
                case EQUAL -> "same";
                case INSERT -> "inserted";
                case DELETE -> "deleted";
                case CHANGE -> "changed";
            };
            out.add(new Row(r.getOldLine(), r.getNewLine(), kind));
        }
        return out;
    }

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
