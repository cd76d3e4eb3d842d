package vn.vanban.index;

/**
 * Another index that takes every document the local one takes (a SolrCloud collection), kept in step by the one
 * writer of the indexes. Its failures are its own: the database stays the truth, and the local index is written
 * whatever becomes of a mirror.
 */
public interface IndexMirror {

    /** Adds or replaces {@code doc}. */
    void put(IndexedDocument doc);

    /** Removes document {@code id}. */
    void delete(long id);

    /** Makes what was written visible to its searches. */
    void commit();
}
