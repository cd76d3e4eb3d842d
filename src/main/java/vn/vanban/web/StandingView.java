package vn.vanban.web;

import io.micronaut.http.uri.UriBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vanban.citation.RelationStore;
import vn.vanban.citation.Standings;
import vn.vanban.citation.ValidityService;

/** Where a document stands, as the pages show it: the validity line and the relations grouped under their headings. */
final class StandingView {

    private StandingView() {
    }

    /** The headings of what held documents say of a document, in the order the legal portals show them. */
    private static final String[][] ABOUT = {
        {"replaces", "Bị thay thế bởi"}, {"repeals", "Bị bãi bỏ bởi"}, {"repeals-part", "Bị bãi bỏ một phần bởi"},
        {"amends", "Bị sửa đổi, bổ sung bởi"}, {"guides", "Hướng dẫn bởi"}, {"consolidates", "Văn bản hợp nhất"},
        {"corrects", "Đính chính bởi"},
    };

    /** The headings of what a document does to others. */
    private static final String[][] DONE = {
        {"replaces", "Thay thế"}, {"repeals", "Bãi bỏ"}, {"repeals-part", "Bãi bỏ một phần"},
        {"amends", "Sửa đổi, bổ sung"}, {"guides", "Hướng dẫn"}, {"consolidates", "Hợp nhất"}, {"corrects", "Đính chính"},
    };

    /** The validity for a page: code (for the colour), label, and one line of what it rests on; null when unknown. */
    static Map<String, Object> validity(ValidityService.State s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.status());
        m.put("label", s.label());
        var v = s.derived();
        StringBuilder why = new StringBuilder();
        if (s.correction() != null) {
            why.append("Biên tập viên ").append(s.correction().editor()).append(" đã sửa")
                    .append(s.correction().note() == null ? "" : ": " + s.correction().note())
                    .append(" (theo dữ liệu: ").append(v.label().toLowerCase(java.util.Locale.ROOT)).append(")");
        } else if (v.by() != null) {
            why.append(v.articles() == null ? "" : v.articles() + " — ")
                    .append(v.since() == null ? "" : "từ ngày " + Display.date(v.since()) + ", ")
                    .append("theo ").append(v.by());
        } else if (v.status().equals("chua_xac_dinh")) {
            why.append("Kho chưa có văn bản nào cho biết hiệu lực của văn bản này");
        }
        if (v.next() != null && s.correction() == null) {
            why.append(why.isEmpty() ? "" : "; ").append("thay đổi từ ngày ").append(Display.date(v.next()));
        }
        m.put("why", why.toString());
        m.put("inForce", v.inForce() == null ? "" : Display.date(v.inForce()));
        return m;
    }

    /**
     * What held documents say of a document (held as {@code heldId}, may be null), grouped under the portals'
     * headings; each entry links the doer, and an amendment by a held document links the comparison of the two.
     */
    static List<Map<String, Object>> about(List<RelationStore.Link> links, Long heldId) {
        return groups(links, ABOUT, true, heldId);
    }

    /** What a document (held as {@code heldId}) does to others, grouped; each entry links the target. */
    static List<Map<String, Object>> done(List<RelationStore.Link> links, Long heldId) {
        return groups(links, DONE, false, heldId);
    }

    private static final java.util.regex.Pattern ONE_ARTICLE = java.util.regex.Pattern.compile("(?iu)^điều\\s+\\d+[a-zđ]?$");

    /** The comparison of an amended document with an amending one, on the article named when it is one. */
    private static String compareUrl(RelationStore.Link l, Long heldId, boolean doer) {
        Long other = doer ? l.doerHeld() : l.targetHeld();
        if (!l.relation().equals("amends") || heldId == null || other == null || l.declared()) {
            return null;
        }
        long amended = doer ? heldId : other;
        long amending = doer ? other : heldId;
        UriBuilder u = UriBuilder.of("/so-sanh").queryParam("a", amended).queryParam("b", amending);
        if (l.articles() != null && ONE_ARTICLE.matcher(l.articles().strip()).matches()) {
            u.queryParam("phanA", l.articles().strip()).queryParam("phanB", l.articles().strip());
        }
        return u.toString();
    }

    private static List<Map<String, Object>> groups(List<RelationStore.Link> links, String[][] headings, boolean doer,
                                                    Long heldId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] h : headings) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (RelationStore.Link l : links) {
                if (!kind(l).equals(h[0])) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                String number = doer ? l.doer() : l.targetNumber();
                Long held = doer ? l.doerHeld() : l.targetHeld();
                String type = doer && !l.declared() ? l.statedInType() : null;
                m.put("label", (type == null ? "" : type + " ") + (number == null ? "(văn bản không số)" : number));
                m.put("url", held != null ? "/van-ban/" + held
                        : number == null ? null : UriBuilder.of("/trich-dan").queryParam("so", number).toString());
                StringBuilder note = new StringBuilder();
                if (l.articles() != null) {
                    note.append(l.articles());
                }
                if (l.effective() != null) {
                    note.append(note.isEmpty() ? "" : ", ").append("từ ngày ").append(Display.date(l.effective()));
                }
                if (l.declared()) {
                    note.append(note.isEmpty() ? "" : " — ").append("theo danh mục ")
                            .append(l.statedInNumber() == null ? "" : l.statedInNumber());
                    m.put("listUrl", "/van-ban/" + l.statedIn());
                }
                m.put("note", note.toString());
                m.put("held", held != null);
                m.put("compareUrl", compareUrl(l, heldId, doer));
                items.add(m);
            }
            if (!items.isEmpty()) {
                out.add(Map.of("heading", h[1], "items", items));
            }
        }
        return out;
    }

    private static String kind(RelationStore.Link l) {
        return l.relation().equals("repeals") && l.articles() != null ? "repeals-part" : l.relation();
    }

    /** Stale-basis warnings for a page: the message and links to the basis and its replacement. */
    static List<Map<String, Object>> warnings(List<Standings.Warning> ws) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Standings.Warning w : ws) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message", "Căn cứ " + (w.basisType() == null ? "" : w.basisType() + " ") + w.basisNumber()
                    + " đã hết hiệu lực" + (w.since() == null ? "" : " từ ngày " + Display.date(w.since()))
                    + (w.atIssue() ? " (trước khi văn bản được ban hành)" : "")
                    + (w.replacement() == null ? "" : "; văn bản thay thế: " + w.replacement()));
            m.put("documentUrl", "/van-ban/" + w.documentId());
            m.put("document", (w.type() == null ? "" : w.type() + " ") + (w.number() == null ? "(không số)" : w.number()));
            m.put("subject", w.subject() == null ? "" : w.subject());
            m.put("basisUrl", UriBuilder.of("/trich-dan").queryParam("so", w.basisNumber()).toString());
            m.put("replacementUrl", w.replacementHeld() != null ? "/van-ban/" + w.replacementHeld()
                    : w.replacement() == null ? null : UriBuilder.of("/trich-dan").queryParam("so", w.replacement()).toString());
            m.put("replacement", w.replacement());
            m.put("atIssue", w.atIssue());
            out.add(m);
        }
        return out;
    }
}
