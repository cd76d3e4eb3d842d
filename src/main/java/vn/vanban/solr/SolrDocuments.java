package vn.vanban.solr;

import org.apache.solr.common.SolrInputDocument;
import vn.vanban.index.DocumentIndex;
import vn.vanban.index.IndexFields;
import vn.vanban.index.IndexedDocument;

/**
 * A document as the SolrCloud collection takes it: the fields of the local Lucene index ({@link DocumentIndex#toLucene}),
 * from the same derived values ({@link DocumentIndex#derive}), named as in the configset's schema; the text is sent
 * once for each analysis (exact and folded), the facets as plain string fields with doc values.
 */
public final class SolrDocuments {

    /** The start of the text, stored alone: what a hit shows when no words were matched in it (not the whole text). */
    public static final String LEAD = "lead";
    /** Characters of {@link #LEAD}: a little more than a hit shows. */
    static final int LEAD_CHARS = 250;

    private SolrDocuments() {
    }

    /** An item (task, deadline, cited document) as the items collection takes it: the fields of the local items index. */
    public static SolrInputDocument of(vn.vanban.index.ItemIndex.Item i) {
        SolrInputDocument s = new SolrInputDocument();
        s.addField(IndexFields.ID, i.key());
        s.addField(vn.vanban.index.ItemIndex.KEY, i.key());
        s.addField(vn.vanban.index.ItemIndex.KIND, i.kind());
        if (i.owner() > 0) {
            s.addField(vn.vanban.index.ItemIndex.OWNER, Long.toString(i.owner()));
        }
        if (i.documentId() != null) {
            s.addField(vn.vanban.index.ItemIndex.DOCUMENT, i.documentId());
        }
        s.addField(IndexFields.BODY, i.text());
        s.addField(IndexFields.BODY_FOLDED, i.text());
        if (i.number() != null) {
            vn.vanban.extract.DocumentNumbers.keys(i.number()).forEach(k -> s.addField(IndexFields.NUMBER, k));
        }
        for (String[] f : new String[][] {{vn.vanban.index.ItemIndex.WHO, i.who()}, {vn.vanban.index.ItemIndex.DUE, i.due()},
                {vn.vanban.index.ItemIndex.LABEL, i.label()}}) {
            if (f[1] != null && !f[1].isBlank()) {
                s.addField(f[0], f[1]);
            }
        }
        return s;
    }

    public static SolrInputDocument of(IndexedDocument d) {
        DocumentIndex.Derived v = DocumentIndex.derive(d);
        SolrInputDocument s = new SolrInputDocument();
        s.addField(IndexFields.ID, Long.toString(d.id()));
        s.addField(IndexFields.ID_DV, d.id());
        s.addField(IndexFields.BODY, d.text());
        s.addField(IndexFields.BODY_FOLDED, d.text());
        if (d.text() != null) {
            s.addField(LEAD, d.text().substring(0, Math.min(LEAD_CHARS, d.text().length())));
        }
        if (d.subject() != null) {
            s.addField(IndexFields.SUBJECT, d.subject());
            s.addField(IndexFields.SUBJECT_FOLDED, d.subject());
            s.addField(IndexFields.DOC_SUBJECT, d.subject());
        }
        v.numberKeys().forEach(k -> s.addField(IndexFields.NUMBER, k));
        v.numberLookupKeys().forEach(k -> s.addField(IndexFields.NUMBER_LOOKUP, k));
        v.citedKeys().forEach(k -> s.addField(IndexFields.CITES, k));
        v.citedLookupKeys().forEach(k -> s.addField(IndexFields.CITES_LOOKUP, k));
        v.stored().forEach(s::addField);
        if (v.date() != null) {
            s.addField(IndexFields.DATE_POINT, v.date().toEpochDay());
            s.addField(IndexFields.DATE_SORT, v.date().toEpochDay());
            s.addField(IndexFields.YEAR_POINT, v.date().getYear());
        }
        v.facets().forEach((dim, values) -> values.forEach(value -> s.addField(dim, value)));
        return s;
    }
}
