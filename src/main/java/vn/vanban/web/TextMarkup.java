package vn.vanban.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.vanban.citation.CitationQueries;
import vn.vanban.store.DeadlineRecord;

/**
 * A document's text as HTML: escaped, with each citation a link to its cross-reference page and each deadline
 * marked. Spans come from the stored offsets into the normalized text; overlapping spans keep the first. The words of
 * the search that led to the page are marked inside and between them, the first with {@code id="m"} so that the
 * link's {@code #m} scrolls to it.
 */
final class TextMarkup {

    private record Span(int start, int end, String open, String close) {
    }

    private TextMarkup() {
    }

    static String render(String text, List<CitationQueries.Reference> refs, List<DeadlineRecord> deadlines) {
        return render(text, refs, deadlines, List.of());
    }

    /** As {@link #render(String, List, List)}, with the search's words marked at {@code words} (offsets, in order). */
    static String render(String text, List<CitationQueries.Reference> refs, List<DeadlineRecord> deadlines,
                         List<int[]> words) {
        if (text == null) {
            return "";
        }
        List<Span> spans = new ArrayList<>();
        for (CitationQueries.Reference r : refs) {
            for (CitationQueries.MentionView m : r.mentions()) {
                spans.add(new Span(m.start(), m.end(), "<a class=\"cite\" href=\"/trich-dan/" + r.citedId() + "\" title=\""
                        + Display.escape(r.type() + " số " + r.number()) + "\">", "</a>"));
            }
        }
        for (DeadlineRecord d : deadlines) {
            spans.add(new Span(d.startOffset(), d.endOffset(), "<mark class=\"deadline\" title=\"Thời hạn: "
                    + Display.escape(Display.date(d.due())) + "\">", "</mark>"));
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(s -> -s.end()));
        StringBuilder b = new StringBuilder(text.length() + spans.size() * 60 + words.size() * 30);
        Words marks = new Words(text, words);
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at || s.end() > text.length() || s.end() <= s.start()) {
                continue; // overlaps one already written, or out of range
            }
            marks.append(b, at, s.start());
            b.append(s.open());
            marks.append(b, s.start(), s.end());
            b.append(s.close());
            at = s.end();
        }
        marks.append(b, at, text.length());
        return b.toString();
    }

    /** Writes stretches of the text escaped, with the search's words in them marked. */
    private static final class Words {
        private final String text;
        private final List<int[]> words;
        private int next;
        private boolean first = true;

        Words(String text, List<int[]> words) {
            this.text = text;
            this.words = words;
        }

        /** Text {@code [from, to)} escaped, each word inside it (clipped to it) in {@code <mark class="q">}. */
        void append(StringBuilder b, int from, int to) {
            int at = from;
            while (next < words.size() && words.get(next)[0] < to) {
                int[] w = words.get(next);
                int start = Math.max(w[0], at);
                int end = Math.min(w[1], to);
                if (end > start && end <= text.length()) {
                    b.append(Display.escape(text.substring(at, start)))
                            .append(first ? "<mark class=\"q\" id=\"m\">" : "<mark class=\"q\">")
                            .append(Display.escape(text.substring(start, end))).append("</mark>");
                    at = end;
                    first = false;
                }
                if (w[1] > to) {
                    break; // the word goes on past this stretch: the rest is marked with the next one
                }
                next++;
            }
            b.append(Display.escape(text.substring(at, to)));
        }
    }
}
