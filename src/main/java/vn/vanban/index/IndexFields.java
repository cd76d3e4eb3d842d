package vn.vanban.index;

/** Every Lucene field name Vanban uses, in one place. */
public final class IndexFields {
    /** Document id (database primary key) as a keyword, for updates and deletes. */
    public static final String ID = "id";
    /** Document id as doc values, for walking all ids. */
    public static final String ID_DV = "id_dv";
    /** Normalized text, analyzed keeping diacritics (tone placement unified). */
    public static final String BODY = "body";
    /** Normalized text, diacritics folded away; stored, with offsets, for snippets. */
    public static final String BODY_FOLDED = "body_folded";
    /** Trích yếu, analyzed keeping diacritics. */
    public static final String SUBJECT = "subject";
    /** Trích yếu, folded. */
    public static final String SUBJECT_FOLDED = "subject_folded";
    /** The document's own số ký hiệu, canonical keyword form. */
    public static final String NUMBER = "number";
    /** Số ký hiệu of every document this one cites, canonical keyword form. */
    public static final String CITES = "cites";
    /**
     * The document's own number as people type it in part: number and year ("125/2026") and with each type it is
     * ("125/2026|nghi dinh"); see {@link vn.vanban.extract.DocumentNumbers#lookupKeys}.
     */
    public static final String NUMBER_LOOKUP = "number_lookup";
    /** Number and year ("125/2026") of every document this one cites whose symbol carries its year. */
    public static final String CITES_LOOKUP = "cites_lookup";
    /** Stored display fields. */
    public static final String DOC_NUMBER = "doc_number";
    public static final String DOC_TYPE = "doc_type";
    public static final String DOC_SUBJECT = "doc_subject";
    public static final String DOC_DATE = "doc_date";
    public static final String DOC_ISSUER = "doc_issuer";
    public static final String FILE_NAME = "file_name";
    /** Validity status code of a held document (còn hiệu lực …), when it has a key. */
    public static final String DOC_VALIDITY = "doc_validity";
    /** Date issued as epoch day (the first day of the period printed): points for ranges, doc values for sorting. */
    public static final String DATE_POINT = "date_point";
    public static final String DATE_SORT = "date_sort";
    /** Year issued as an int point, for ranges. */
    public static final String YEAR_POINT = "year_point";

    /** Facet dimensions (Lucene sorted-set doc values facets), also usable as drill-down filters. */
    public static final String FACET_TYPE = "type";
    public static final String FACET_ISSUER = "issuer";
    public static final String FACET_PROVINCE = "province";
    public static final String FACET_YEAR = "year";
    public static final String FACET_FIELD = "field";
    /** "draft" or "final". */
    public static final String FACET_STATUS = "status";
    /** "yes" or "no": whether the document sets deadlines. */
    public static final String FACET_DEADLINES = "deadlines";
    /** Validity: a {@link vn.vanban.citation.Validity.Status} code. */
    public static final String FACET_VALIDITY = "validity";
    /** Tags editors or rules put on the document (several a document). */
    public static final String FACET_TAG = "tag";
    public static final java.util.List<String> FACETS = java.util.List.of(FACET_TYPE, FACET_ISSUER, FACET_PROVINCE,
            FACET_YEAR, FACET_FIELD, FACET_STATUS, FACET_DEADLINES, FACET_VALIDITY, FACET_TAG);

    private IndexFields() {
    }
}
