package vn.vanban.index;

import io.micronaut.context.annotation.Bean;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import vn.vanban.citation.DocumentNumbers;
import vn.vanban.config.VanbanConfig;

/**
 * The Lucene index under {@code <data-dir>/lucene}. It is disposable: the database is the truth, and
 * {@link vn.vanban.ingest.IndexReconciler} rebuilds what is missing. One process writes (Lucene's write lock);
 * others may read. Thread-safe.
 */
@Singleton
@Bean(preDestroy = "close")
public class DocumentIndex implements AutoCloseable {

    private static final FieldType BODY_TYPE = offsets(false);
    private static final FieldType BODY_STORED_TYPE = offsets(true);

    private final Path path;
    private final Analyzer analyzer;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    public DocumentIndex(VanbanConfig config) {
        this.path = config.dataDir().resolve("lucene");
        this.analyzer = newAnalyzer();
    }

    /** The per-field analyzer of the index: folded fields folded, the rest exact. */
    public static Analyzer newAnalyzer() {
        Analyzer exact = VietnameseAnalyzer.exact();
        Analyzer folded = VietnameseAnalyzer.folded();
        return new PerFieldAnalyzerWrapper(exact, Map.of(
                IndexFields.BODY_FOLDED, folded, IndexFields.SUBJECT_FOLDED, folded));
    }

    /** The analyzer per field, for queries. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** Opens the writer (taking Lucene's write lock); a second process gets a clear error. Idempotent. */
    public synchronized void openForWriting() {
        if (writer != null) {
            return;
        }
        try {
            closeSearchers();
            Files.createDirectories(path);
            directory = directory != null ? directory : FSDirectory.open(path);
            IndexWriterConfig iwc = new IndexWriterConfig(analyzer);
            iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            iwc.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, iwc);
            searchers = new SearcherManager(writer, null);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("the index at " + path + " is in use by another Vanban process "
                    + "(a running server?): stop it, or send the files through its API", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + path, e);
        }
    }

    /** The version of what {@link #toLucene} writes; an index written by another version is rebuilt. */
    public static final int SCHEMA = 2;
    private static final String SCHEMA_KEY = "vanban.schema";

    /**
     * Whether the index holds documents written with another {@link #SCHEMA} (an older Vanban): it must then be
     * rebuilt from the database. An empty or absent index is never stale.
     */
    public synchronized boolean stale() {
        try {
            if (directory == null || !DirectoryReader.indexExists(directory)) {
                return false;
            }
            org.apache.lucene.index.SegmentInfos latest = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory);
            return latest.totalMaxDoc() > 0 && !Integer.toString(SCHEMA).equals(latest.getUserData().get(SCHEMA_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index at " + path, e);
        }
    }

    /** Adds or replaces {@code doc}. */
    public void put(IndexedDocument doc) {
        try {
            writer().updateDocument(new Term(IndexFields.ID, Long.toString(doc.id())), toLucene(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index document " + doc.id(), e);
        }
    }

    /** Removes the document with {@code id}, if indexed. */
    public void delete(long id) {
        try {
            writer().deleteDocuments(new Term(IndexFields.ID, Long.toString(id)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete document " + id + " from the index", e);
        }
    }

    /** Removes every document. */
    public void deleteAll() {
        try {
            writer().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the index", e);
        }
    }

    /** Makes changes durable and visible to new searches. */
    public synchronized void commit() {
        if (writer == null) {
            return;
        }
        try {
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(SCHEMA)).entrySet());
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
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

    /** Work with a searcher over the latest visible state; the searcher must not escape {@code work}. */
    public <T> T withSearcher(SearcherWork<T> work) {
        SearcherManager sm = searchers();
        if (sm == null) {
            try {
                return work.apply(new IndexSearcher(new org.apache.lucene.index.MultiReader()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        IndexSearcher s = null;
        try {
            sm.maybeRefresh(); // cheap when nothing changed; a search always sees what was written before it
            s = sm.acquire();
            return work.apply(s);
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed", e);
        } finally {
            if (s != null) {
                try {
                    sm.release(s);
                } catch (IOException ignored) {
                    // releasing a searcher only decrements a reference count
                }
            }
        }
    }

    /** A unit of work on a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private synchronized SearcherManager searchers() {
        if (searchers == null && writer == null) {
            try {
                if (directory == null) {
                    if (!Files.exists(path)) {
                        return null;
                    }
                    directory = FSDirectory.open(path);
                }
                if (!DirectoryReader.indexExists(directory)) {
                    return null;
                }
                searchers = new SearcherManager(directory, null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the index at " + path, e);
            }
        }
        return searchers;
    }

    private synchronized IndexWriter writer() {
        if (writer == null) {
            openForWriting();
        }
        return writer;
    }

    /** The Lucene document for {@code d}. */
    public static Document toLucene(IndexedDocument d) {
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
        if (d.number() != null) {
            for (String key : DocumentNumbers.keys(d.number())) {
                doc.add(new StringField(IndexFields.NUMBER, key, Field.Store.NO));
            }
            doc.add(new StoredField(IndexFields.DOC_NUMBER, d.number()));
        }
        Set<String> cited = new HashSet<>();
        for (String n : d.citedNumbers()) {
            cited.addAll(DocumentNumbers.keys(n));
        }
        for (String key : cited) {
            doc.add(new StringField(IndexFields.CITES, key, Field.Store.NO));
        }
        storeIfPresent(doc, IndexFields.DOC_TYPE, d.type());
        storeIfPresent(doc, IndexFields.DOC_DATE, d.date());
        storeIfPresent(doc, IndexFields.DOC_ISSUER, d.issuer());
        storeIfPresent(doc, IndexFields.FILE_NAME, d.fileName());
        java.time.LocalDate date = startOf(d.date());
        if (date != null) {
            doc.add(new LongPoint(IndexFields.DATE_POINT, date.toEpochDay()));
            doc.add(new NumericDocValuesField(IndexFields.DATE_SORT, date.toEpochDay()));
            doc.add(new IntPoint(IndexFields.YEAR_POINT, date.getYear()));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.FACET_YEAR, Integer.toString(date.getYear())));
        }
        if (d.stored()) {
            facet(doc, IndexFields.FACET_TYPE, d.type());
            facet(doc, IndexFields.FACET_ISSUER, d.issuer());
            facet(doc, IndexFields.FACET_PROVINCE, d.province());
            facet(doc, IndexFields.FACET_FIELD, d.field());
            doc.add(new SortedSetDocValuesFacetField(IndexFields.FACET_STATUS, d.draft() ? "draft" : "final"));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.FACET_DEADLINES, d.hasDeadlines() ? "yes" : "no"));
        }
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How facet fields are indexed: every dimension single-valued, in the default doc-values field. */
    public static final FacetsConfig FACETS = new FacetsConfig();

    private static void facet(Document doc, String dim, String value) {
        if (value != null && !value.isBlank()) {
            String v = value.strip();
            doc.add(new SortedSetDocValuesFacetField(dim, v.length() > 200 ? v.substring(0, 200) : v));
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

    private static void storeIfPresent(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StoredField(field, value));
        }
    }

    private static FieldType offsets(boolean stored) {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.setStored(stored);
        t.freeze();
        return t;
    }

    private void closeSearchers() throws IOException {
        if (searchers != null) {
            searchers.close();
            searchers = null;
        }
    }

    @Override
    @PreDestroy
    public synchronized void close() {
        try {
            closeSearchers();
            if (writer != null) {
                writer.close();
                writer = null;
            }
            if (directory != null) {
                directory.close();
                directory = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index", e);
        }
    }
}
