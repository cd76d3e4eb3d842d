package vn.vanban.citation;

import io.micronaut.core.annotation.Nullable;

/**
 * One place where a text cites a document by number, as found (before resolution).
 *
 * @param start     offset of the citation (its type words when printed, else its number) in the normalized text
 * @param end       offset just after the number (or the date, issuer and title when printed)
 * @param number    the number as printed, spaces removed ("06/2016/TTLT-BTTTT-BNV"); for a short reference the bare number
 * @param typeName  the document type printed before the number, canonical ("Quyết định"), or null
 * @param dateText  the date as printed, or null
 * @param date      that date in ISO form when it is a real calendar date, else null
 * @param issuer    the issuer printed after "của"/"do", or null
 * @param title     the title printed after the issuer ("về việc …", "phê duyệt …"), or null
 * @param sentence  the sentence the citation stands in
 * @param relation  basis, implements, amends, replaces, repeals, guides or other
 * @param shortForm a back-reference such as "Nghị quyết 36"
 */
public record Mention(int start, int end, String number, @Nullable String typeName, @Nullable String dateText,
                      @Nullable String date, @Nullable String issuer, @Nullable String title, String sentence,
                      String relation, boolean shortForm) {
}
