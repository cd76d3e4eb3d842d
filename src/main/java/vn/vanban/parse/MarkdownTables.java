package vn.vanban.parse;

import java.util.regex.Pattern;

/**
 * Reads the pipe tables of markdown (and of text copied from web pages, which lays tables out the same way) as
 * tables: each row becomes one line of tab-separated cells, as Tika gives the rows of a Word or HTML table, and the
 * "|---|---|" rule under a header row goes. In markdown proper, the lines of one paragraph are one line
 * ({@link #paragraphs}): a converter that wraps at 80 columns breaks "Tham mưu UBND / Thành phố phối hợp …" where the
 * document has no break. Stateless.
 */
public final class MarkdownTables {

    private static final Pattern RULE = Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(?:\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");

    private MarkdownTables() {
    }

    /** Whether a file of {@code mediaType} is markdown, whose lines wrap inside a paragraph. */
    public static boolean isMarkdown(String mediaType) {
        return mediaType.equals("text/x-web-markdown") || mediaType.equals("text/markdown");
    }

    /** A rule drawn with dashes, underscores or stars ("-------", "** **"): it ends a paragraph. */
    private static final Pattern RULE_LINE = Pattern.compile("[-_*\\s]+");

    /**
     * A line that starts a block of its own in a converted document: a list item or numbered item ("- ", "1.",
     * "1.2.", "a)", "II."), an article or part ("Điều 3.", "Chương II"), a heading ("#"), a rule ("-------") or the
     * cell border ("|") that crawled copies of HTML tables leave on a line. Emphasis marks before it do not count.
     */
    private static final Pattern BLOCK_START = Pattern.compile(
            "^[*_\\s]*(?:[-+•–—]|\\d+(?:\\.\\d+)*[.)]|[a-zđ][.)]|[IVXLC]+[.)]|\\(\\w{1,4}\\)|#|\\||_{3,}"
            + "|(?:Điều|Chương|Mục|Phần|Phụ lục|PHỤ LỤC|Nơi nhận)\\b)");

    /**
     * {@code text} (markdown) with the lines of each paragraph joined by a space: a paragraph ends at a blank line,
     * at a line that ends with ":", at a rule or cell border, and before a line that starts a block
     * ({@link #BLOCK_START}); table rows are never joined.
     */
    public static String paragraphs(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean first = true;
        boolean open = false; // whether the paragraph of the line before may go on
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            boolean row = isRow(line);
            boolean goesOn = open && !s.isEmpty() && !row && !BLOCK_START.matcher(s).lookingAt();
            if (goesOn) {
                out.append(' ').append(s);
            } else {
                out.append(first ? "" : "\n").append(line);
            }
            first = false;
            open = !s.isEmpty() && !row && !s.endsWith(":") && !s.endsWith(":**") && !s.equals("|")
                    && !RULE_LINE.matcher(s).matches();
        }
        return out.toString();
    }

    /** Whether a file of {@code mediaType} may hold pipe tables. */
    public static boolean appliesTo(String mediaType) {
        return mediaType.equals("text/plain") || isMarkdown(mediaType);
    }

    /** {@code text} with its pipe-table rows as tab-separated cells. */
    public static String cells(String text) {
        if (text.indexOf('|') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (from <= text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, end);
            if (isRow(line)) {
                if (!RULE.matcher(line).matches()) {
                    out.append(row(line));
                }
            } else {
                out.append(line);
            }
            if (nl < 0) {
                break;
            }
            out.append('\n');
            from = nl + 1;
        }
        return out.toString();
    }

    /** A table row: starts with a pipe and holds another one ("| Số: 43/HD-STTTT | Bắc Kạn, ngày … |"). */
    private static boolean isRow(String line) {
        String s = line.strip();
        return s.length() > 1 && s.charAt(0) == '|' && s.indexOf('|', 1) > 0;
    }

    private static String row(String line) {
        String s = line.strip();
        s = s.substring(1, s.endsWith("|") && s.length() > 1 ? s.length() - 1 : s.length());
        String[] cells = s.split("\\|", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : "\t").append(cells[i].strip());
        }
        // a row of one cell is a line of text in a frame, not a table row
        return cells.length == 1 ? cells[0].strip() : b.toString();
    }
}
