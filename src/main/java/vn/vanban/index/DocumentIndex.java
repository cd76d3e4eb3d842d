package vn.vanban.index;

import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import vn.vanban.extract.DocumentNumbers;
import vn.vanban.config.VanbanConfig;

/**
 * The Lucene index under {@code <data-dir>/lucene}. It is disposable: the database is the truth, and
 * {@link vn.vanban.ingest.IndexReconciler} rebuilds what is missing. One process writes (Lucene's write lock);
 * others may read. Thread-safe.
 */
@Singleton
@Bean(preDestroy = "close")
public class DocumentIndex extends LuceneIndex {

    private static final FieldType BODY_TYPE = offsets(false);
    private static final FieldType BODY_STORED_TYPE = offsets(true);

    /** The version of what {@link #toLucene} writes; an index written by another version is rebuilt (7: UAX #29 tokenizer, "…" a clause break). */
    public static final int SCHEMA = 7;

    public DocumentIndex(VanbanConfig config) {
        super(config.dataDir().resolve("lucene"), newAnalyzer(), SCHEMA);
    }

    /** The per-field analyzer of the index: folded fields folded, the rest exact. */
    public static Analyzer newAnalyzer() {
        Analyzer exact = VietnameseAnalyzer.exact();
        Analyzer folded = VietnameseAnalyzer.folded();
        return new PerFieldAnalyzerWrapper(exact, Map.of(
                IndexFields.BODY_FOLDED, folded, IndexFields.SUBJECT_FOLDED, folded));
    }

    /** Adds or replaces {@code doc}. */
    public void put(IndexedDocument doc) {
        write("index document " + doc.id(),
                w -> w.updateDocument(new Term(IndexFields.ID, Long.toString(doc.id())), toLucene(doc)));
    }

    /** Removes the document with {@code id}, if indexed. */
    public void delete(long id) {
        write("delete document " + id + " from the index", w -> w.deleteDocuments(new Term(IndexFields.ID, Long.toString(id))));
    }

    /** Ids of all indexed documents. */
    public Set<Long> ids() {
        Set<Long> ids = new HashSet<>();
        withSearcher(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues dv = leaf.reader().getNumericDocValues(IndexFields.ID_DV);
                Bits live = leaf.reader().getLiveDocs();
                if (dv == null) {
                    continue;
                }
                for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
                    if (live == null || live.get(d)) {
                        ids.add(dv.longValue());
                    }
                }
            }
            return null;
        });
        return ids;
    }

    private static final vn.vanban.extract.DocumentTypes TYPES = vn.vanban.extract.DocumentTypes.standard();

    /**
     * What the index holds of a document beyond its text, derived once for every index that takes it (this Lucene
     * index, or a SolrCloud collection): the number's keys, the keys of the numbers it cites, its date, the facet
     * values by dimension (blank ones left out, each cut to 200 characters; the issuer as officially written) and the
     * stored display fields that have a value.
     */
    public record Derived(List<String> numberKeys, List<String> numberLookupKeys, Set<String> citedKeys,
                          Set<String> citedLookupKeys, java.time.LocalDate date, Map<String, List<String>> facets,
                          Map<String, String> stored) {
    }

    /** The derived values of {@code d}. */
    public static Derived derive(IndexedDocument d) {
        List<String> numberKeys = List.of();
        List<String> lookupKeys = List.of();
        if (d.number() != null) {
            numberKeys = List.copyOf(DocumentNumbers.keys(d.number()));
            lookupKeys = List.copyOf(DocumentNumbers.lookupKeys(d.number(), d.date(), TYPES.lookupKeys(d.type(), d.number())));
        }
        Set<String> cited = new java.util.LinkedHashSet<>();
        Set<String> citedLookup = new java.util.LinkedHashSet<>();
        for (String n : d.citedNumbers()) {
            cited.addAll(DocumentNumbers.keys(n));
            String numberYear = DocumentNumbers.numberYear(n, null); // a citation's own year only: no date to lend one
            if (numberYear != null) {
                citedLookup.add(numberYear);
            }
        }
        java.time.LocalDate date = startOf(d.date());
        Map<String, List<String>> facets = new java.util.LinkedHashMap<>();
        if (date != null) {
            facets.put(IndexFields.FACET_YEAR, List.of(Integer.toString(date.getYear())));
        }
        if (d.stored()) {
            facet(facets, IndexFields.FACET_TYPE, d.type());
            // one value per body: its name as officially written, whatever capitals the text or a correction gave it
            facet(facets, IndexFields.FACET_ISSUER, d.issuer() == null ? null : vn.vanban.extract.KnownOrgans.official(d.issuer()));
            facet(facets, IndexFields.FACET_PROVINCE, d.province());
            facet(facets, IndexFields.FACET_FIELD, d.field());
            facet(facets, IndexFields.FACET_STATUS, d.draft() ? "draft" : "final");
            facet(facets, IndexFields.FACET_DEADLINES, d.hasDeadlines() ? "yes" : "no");
            facet(facets, IndexFields.FACET_VALIDITY, d.validity());
            for (String tag : d.tags()) {
                facet(facets, IndexFields.FACET_TAG, tag);
            }
        }
        Map<String, String> stored = new java.util.LinkedHashMap<>();
        String[][] display = {{IndexFields.DOC_NUMBER, d.number()}, {IndexFields.DOC_TYPE, d.type()},
                {IndexFields.DOC_DATE, d.date()}, {IndexFields.DOC_ISSUER, d.issuer()}, {IndexFields.FILE_NAME, d.fileName()},
                {IndexFields.DOC_VALIDITY, d.validity()}};
        for (String[] f : display) {
            if (f[1] != null && !f[1].isBlank()) {
                stored.put(f[0], f[1]);
            }
        }
        return new Derived(numberKeys, lookupKeys, cited, citedLookup, date, facets, stored);
    }

    /** The Lucene document for {@code d}. */
    public static Document toLucene(IndexedDocument d) {
        Derived v = derive(d);
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, Long.toString(d.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(IndexFields.ID_DV, d.id()));
        doc.add(new Field(IndexFields.BODY, d.text(), BODY_TYPE));
        doc.add(new Field(IndexFields.BODY_FOLDED, d.text(), BODY_STORED_TYPE));
        if (d.subject() != null) {
            doc.add(new TextField(IndexFields.SUBJECT, d.subject(), Field.Store.NO));
            doc.add(new TextField(IndexFields.SUBJECT_FOLDED, d.subject(), Field.Store.NO));
            doc.add(new StoredField(IndexFields.DOC_SUBJECT, d.subject()));
        }
        for (String key : v.numberKeys()) {
            doc.add(new StringField(IndexFields.NUMBER, key, Field.Store.NO));
        }
        for (String key : v.numberLookupKeys()) {
            doc.add(new StringField(IndexFields.NUMBER_LOOKUP, key, Field.Store.NO));
        }
        for (String key : v.citedKeys()) {
            doc.add(new StringField(IndexFields.CITES, key, Field.Store.NO));
        }
        for (String key : v.citedLookupKeys()) {
            doc.add(new StringField(IndexFields.CITES_LOOKUP, key, Field.Store.NO));
        }
        v.stored().forEach((field, value) -> doc.add(new StoredField(field, value)));
        if (v.date() != null) {
            doc.add(new LongPoint(IndexFields.DATE_POINT, v.date().toEpochDay()));
            doc.add(new NumericDocValuesField(IndexFields.DATE_SORT, v.date().toEpochDay()));
            doc.add(new IntPoint(IndexFields.YEAR_POINT, v.date().getYear()));
        }
        v.facets().forEach((dim, values) -> values.forEach(value -> doc.add(new SortedSetDocValuesFacetField(dim, value))));
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How facet fields are indexed: in the default doc-values field, every dimension single-valued but the tags. */
    public static final FacetsConfig FACETS = new FacetsConfig();

    static {
        FACETS.setMultiValued(IndexFields.FACET_TAG, true);
    }

    private static void facet(Map<String, List<String>> facets, String dim, String value) {
        if (value != null && !value.isBlank()) {
            String v = value.strip();
            facets.computeIfAbsent(dim, k -> new java.util.ArrayList<>()).add(v.length() > 200 ? v.substring(0, 200) : v);
        }
    }

    /** The first day of an ISO date at any precision ("2019", "2019-12", "2019-12-05"); null if unparseable. */
    public static java.time.LocalDate startOf(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return switch (iso.length()) {
                case 4 -> java.time.LocalDate.of(Integer.parseInt(iso), 1, 1);
                case 7 -> java.time.YearMonth.parse(iso).atDay(1);
                case 10 -> java.time.LocalDate.parse(iso);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static FieldType offsets(boolean stored) {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.setStored(stored);
        t.freeze();
        return t;
    }

}
