package vn.vanban.index;

import java.util.List;

/**
 * What the index holds of one document version.
 *
 * @param id          database id
 * @param text        normalized text
 * @param number      own số ký hiệu as printed, or null
 * @param citedNumbers số ký hiệu of cited documents, as printed
 */
public record IndexedDocument(long id, String text, String number, String type, String subject, String date,
                              String issuer, String fileName, List<String> citedNumbers) {
}
