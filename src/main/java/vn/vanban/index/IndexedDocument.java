package vn.vanban.index;

import java.util.List;

/**
 * What the index holds of one document version.
 *
 * @param id           database id
 * @param text         normalized text
 * @param number       own số ký hiệu as printed, or null
 * @param date         date issued, ISO at the precision printed ("2019-01-11", "2019-12", "2023"), or null
 * @param citedNumbers số ký hiệu of cited documents, as printed
 * @param province     the province whose body issued it, "Trung ương" for central bodies, or null
 * @param field        its lĩnh vực, or null
 * @param draft        a draft (dự thảo), not a final document
 * @param hasDeadlines it sets at least one deadline
 * @param validity     its validity status code (còn hiệu lực …), or null when it has no key to know it by
 * @param tags         the tags editors or rules put on it
 */
public record IndexedDocument(long id, String text, String number, String type, String subject, String date,
                              String issuer, String fileName, List<String> citedNumbers, String province,
                              String field, boolean draft, boolean hasDeadlines, String validity, List<String> tags) {

    /** Whether this is a stored document (it has a file name), not bare text: only those get facets. */
    public boolean stored() {
        return fileName != null;
    }

    /** A document with text only, no metadata (benchmarks, tests). */
    public static IndexedDocument textOnly(long id, String text) {
        return new IndexedDocument(id, text, null, null, null, null, null, null, List.of(), null, null, false, false, null, List.of());
    }
}
