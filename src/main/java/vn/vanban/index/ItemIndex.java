package vn.vanban.index;

import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import vn.vanban.extract.DocumentNumbers;
import vn.vanban.config.VanbanConfig;

/**
 * The second index, under {@code <data-dir>/lucene-items}: what documents set and cite, searchable on their own —
 * tasks, deadlines and cited documents — with the same analysis and field names as {@link DocumentIndex} (so the
 * same queries run on both). Tasks and deadlines belong to their document; a cited document is one item per node.
 */
@Singleton
@Bean(preDestroy = "close")
public class ItemIndex extends LuceneIndex {

    /** The version of what {@link #put} writes (2: tasks and deadlines keyed by their place; 4: the analyzer of DocumentIndex 7). */
    public static final int SCHEMA = 4;

    public static final String KEY = "item_key";
    public static final String KIND = "item_kind";
    public static final String OWNER = "item_owner";
    public static final String DOCUMENT = "item_document";
    public static final String WHO = "item_who";
    public static final String DUE = "item_due";
    public static final String LABEL = "item_label";

    private static final FieldType TEXT_STORED = offsets();

    /** One item: {@code kind} task, deadline or cited; {@code documentId} the document that sets it, or the held one. */
    public record Item(String key, String kind, long owner, Long documentId, String text, String who, String due,
                       String label, String number) {
    }

    public ItemIndex(VanbanConfig config) {
        super(config.dataDir().resolve("lucene-items"), DocumentIndex.newAnalyzer(), SCHEMA);
    }

    /**
     * Replaces the items document {@code owner} sets with {@code items}; cited documents are replaced by key. A
     * marker records that the document's items are indexed, so {@link #owners} can tell what is missing.
     */
    public void put(long owner, List<Item> items) {
        write("index the items of document " + owner, w -> {
            w.deleteDocuments(new Term(OWNER, Long.toString(owner)));
            List<Document> owned = new java.util.ArrayList<>();
            for (Item i : items) {
                if (i.owner() == owner) {
                    owned.add(toLucene(i)); // its tasks and deadlines: the delete by owner above removed the old ones
                } else {
                    w.updateDocument(new Term(KEY, i.key()), toLucene(i)); // shared by the documents citing it
                }
            }
            w.addDocuments(owned);
            Document marker = new Document();
            marker.add(new StringField(KEY, OWNER_PREFIX + owner, Field.Store.NO));
            marker.add(new StringField(OWNER, Long.toString(owner), Field.Store.NO));
            w.addDocument(marker);
        });
    }

    private static final String OWNER_PREFIX = "owner:";

    /** Ids of the documents whose items are indexed. */
    public java.util.Set<Long> owners() {
        java.util.Set<Long> out = new java.util.HashSet<>();
        withSearcher(searcher -> {
            for (org.apache.lucene.index.LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                org.apache.lucene.index.Terms terms = leaf.reader().terms(KEY);
                if (terms == null) {
                    continue;
                }
                org.apache.lucene.index.TermsEnum te = terms.iterator();
                org.apache.lucene.util.BytesRef prefix = new org.apache.lucene.util.BytesRef(OWNER_PREFIX);
                if (te.seekCeil(prefix) == org.apache.lucene.index.TermsEnum.SeekStatus.END) {
                    continue;
                }
                org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                for (org.apache.lucene.util.BytesRef t = te.term(); t != null && org.apache.lucene.util.StringHelper.startsWith(t, prefix); t = te.next()) {
                    org.apache.lucene.index.PostingsEnum pe = te.postings(null, org.apache.lucene.index.PostingsEnum.NONE);
                    for (int d = pe.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        if (live == null || live.get(d)) {
                            out.add(Long.parseLong(t.utf8ToString().substring(OWNER_PREFIX.length())));
                            break;
                        }
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** Replaces the items of cited documents {@code items} (shared by the documents citing them), by key. */
    public void putCited(List<Item> items) {
        write("index " + items.size() + " cited documents", w -> {
            for (Item i : items) {
                w.updateDocument(new Term(KEY, i.key()), toLucene(i));
            }
        });
    }

    /** Removes the tasks and deadlines document {@code owner} sets. */
    public void delete(long owner) {
        write("delete the items of document " + owner, w -> w.deleteDocuments(new Term(OWNER, Long.toString(owner))));
    }

    private static Document toLucene(Item i) {
        Document d = new Document();
        d.add(new StringField(KEY, i.key(), Field.Store.YES));
        d.add(new StringField(KIND, i.kind(), Field.Store.YES));
        if (i.owner() > 0) {
            d.add(new StringField(OWNER, Long.toString(i.owner()), Field.Store.NO));
        }
        if (i.documentId() != null) {
            d.add(new StoredField(DOCUMENT, i.documentId()));
        }
        d.add(new Field(IndexFields.BODY, i.text(), TextField.TYPE_NOT_STORED));
        d.add(new Field(IndexFields.BODY_FOLDED, i.text(), TEXT_STORED));
        if (i.number() != null) {
            for (String key : DocumentNumbers.keys(i.number())) {
                d.add(new StringField(IndexFields.NUMBER, key, Field.Store.NO));
            }
        }
        store(d, WHO, i.who());
        store(d, DUE, i.due());
        store(d, LABEL, i.label());
        return d;
    }

    private static void store(Document d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new StoredField(field, value));
        }
    }

    private static FieldType offsets() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }
}
