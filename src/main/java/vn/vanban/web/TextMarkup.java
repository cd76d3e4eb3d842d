package vn.vanban.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.vanban.citation.CitationQueries;
import vn.vanban.store.DeadlineRecord;

/**
 * A document's text as HTML: escaped, with each citation a link to its cross-reference page and each deadline
 * marked. Spans come from the stored offsets into the normalized text; overlapping spans keep the first.
 */
final class TextMarkup {

    private record Span(int start, int end, String open, String close) {
    }

    private TextMarkup() {
    }

    static String render(String text, List<CitationQueries.Reference> refs, List<DeadlineRecord> deadlines) {
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
        StringBuilder b = new StringBuilder(text.length() + spans.size() * 60);
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at || s.end() > text.length() || s.end() <= s.start()) {
                continue; // overlaps one already written, or out of range
            }
            b.append(Display.escape(text.substring(at, s.start()))).append(s.open())
                    .append(Display.escape(text.substring(s.start(), s.end()))).append(s.close());
            at = s.end();
        }
        b.append(Display.escape(text.substring(at)));
        return b.toString();
    }
}
