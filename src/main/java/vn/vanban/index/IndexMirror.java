package vn.vanban.index;

/**
 * Another index that takes every document the local one takes (a SolrCloud collection), kept in step by the one
 * writer of the indexes. Its failures are its own: the database stays the truth, and the local index is written
 * whatever becomes of a mirror.
 */
public interface IndexMirror {

    /** Adds or replaces {@code doc}. */
    void put(IndexedDocument doc);

    /** Removes document {@code id} and the items it sets. */
    void delete(long id);

    /**
     * Replaces the items (tasks, deadlines, cited documents) document {@code owner} sets with {@code items};
     * {@code fresh} when the document was just stored, so it has none yet to replace.
     */
    default void putItems(long owner, java.util.List<ItemIndex.Item> items, boolean fresh) {
    }

    /** Replaces the items of cited documents {@code items}, by key. */
    default void putCited(java.util.List<ItemIndex.Item> items) {
    }

    /** Makes what was written visible to its searches. */
    void commit();
}
