package vn.vanban.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Everything extracted from one document, in the JSON shape of {@code shared/gold/README.md}: the document's own
 * metadata, the documents it cites, the deadlines it sets, the tasks it assigns, and what it does to the documents
 * it cites (relations: amends, replaces, repeals, guides, consolidates).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Extraction(Doc document, List<Map<String, Object>> references, List<Map<String, Object>> deadlines,
                         List<Map<String, Object>> tasks, List<Map<String, Object>> relations) {

    /** The document part. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Doc(@Nullable String number, @Nullable String symbol, @Nullable String type, @Nullable String issuer,
                      @Nullable String parent_issuer, @Nullable String place, @Nullable String date,
                      @Nullable String effective, @Nullable String subject, @Nullable Signer signer, boolean draft,
                      List<String> recipients) {
    }

    /** Who signed. */
    @Serdeable
    public record Signer(String name, @Nullable String title) {
    }

    /** The references part: one entry per cited document, with its mentions. */
    public static List<Map<String, Object>> references(List<vn.vanban.citation.CitedDocument> cited) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (var c : cited) {
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("type", c.type());
            r.put("number", c.number());
            r.put("year", c.year());
            r.put("date", c.date());
            r.put("issuer", c.issuer());
            r.put("title", c.title());
            r.put("key", c.key());
            List<Map<String, Object>> mentions = new java.util.ArrayList<>();
            for (var m : c.mentions()) {
                Map<String, Object> mm = new java.util.LinkedHashMap<>();
                mm.put("start", m.start());
                mm.put("end", m.end());
                mm.put("relation", m.relation());
                mm.put("sentence", m.sentence());
                mentions.add(mm);
            }
            r.put("mentions", mentions);
            out.add(r);
        }
        return out;
    }

    /** The deadlines part. */
    public static List<Map<String, Object>> deadlines(List<vn.vanban.deadline.Deadline> found) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (var d : found) {
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("due", d.due());
            r.put("rrule", d.rrule());
            r.put("what", d.what());
            r.put("who", d.who());
            r.put("start", d.start());
            r.put("end", d.end());
            r.put("expression", d.expression());
            r.put("guide", d.guide());
            out.add(r);
        }
        return out;
    }

    /** The tasks part. */
    public static List<Map<String, Object>> tasks(List<vn.vanban.deadline.Task> found) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (var t : found) {
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("text", t.text());
            r.put("period", t.period());
            r.put("assignee", t.assignee());
            r.put("field", t.field());
            r.put("status", t.status());
            r.put("due", t.due());
            r.put("start", t.start());
            r.put("end", t.end());
            out.add(r);
        }
        return out;
    }

    /** The JSON of one analysis. */
    public static Extraction of(DocumentAnalysis.Result r) {
        return new Extraction(doc(r.meta()), references(r.refs()), deadlines(r.work().deadlines()), tasks(r.work().tasks()),
                relations(r.relations()));
    }

    /**
     * The relations part: what the document does to the documents it cites (amends, replaces, repeals …), and, with
     * {@code by}, what a published list declares another document did.
     */
    public static List<Map<String, Object>> relations(List<vn.vanban.citation.DocumentRelations.Fact> facts) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (var f : facts) {
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("relation", f.relation());
            r.put("target", f.target());
            r.put("articles", f.articles());
            r.put("effective", f.effective());
            r.put("by", f.by());
            out.add(r);
        }
        return out;
    }

    /** The document part of {@code m}. */
    public static Doc doc(vn.vanban.extract.DocumentMetadata m) {
        return new Doc(m.number(), m.symbol(), m.type(), m.issuer(), m.parentIssuer(), m.place(), m.date(),
                m.effective(), m.subject(), m.signerName() == null ? null : new Signer(m.signerName(), m.signerTitle()),
                m.draft(), m.recipients());
    }
}
