package vn.vanban.extract;

import java.util.Locale;
import java.util.Set;

/**
 * Turns an organ name printed in capitals in a header block into its usual written form: abbreviations kept
 * ("UBND"), the organ word and place names capitalized ("UBND TỈNH BẮC KẠN" → "UBND tỉnh Bắc Kạn",
 * "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" → "Sở Thông tin và Truyền thông"), a known body's name as it is officially written
 * ({@link KnownOrgans}). Stateless.
 */
final class OrganNames {

    private static final Set<String> ABBREVIATIONS = Set.of("UBND", "HĐND", "MTTQ", "TW", "VN", "CP", "TTTT", "BCĐ");
    private static final Set<String> PLACE_WORDS = Set.of("tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn");
    /** Words that start a new part of a compound organ name ("Thông tin và Truyền thông"). */
    private static final Set<String> CAPITALIZED_AFTER_AND = Set.of("và");

    private OrganNames() {
    }

    static String display(String caps) {
        String[] words = caps.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        boolean placeName = false;
        boolean capitalizeNext = true;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String lower = w.toLowerCase(Locale.ROOT);
            String rendered;
            if (ABBREVIATIONS.contains(w)) {
                rendered = w;
                capitalizeNext = false;
            } else if (placeName || capitalizeNext) {
                rendered = capitalize(lower);
                capitalizeNext = false;
            } else {
                rendered = lower;
            }
            if (i == 1 && !placeName && !PLACE_WORDS.contains(lower) && !ABBREVIATIONS.contains(words[0])) {
                rendered = capitalize(lower);
            }
            if (PLACE_WORDS.contains(lower) || (i + 1 < words.length
                    && PLACE_WORDS.contains(lower + " " + words[i + 1].toLowerCase(Locale.ROOT)))) {
                rendered = lower;
                if (PLACE_WORDS.contains(lower)) {
                    placeName = true;
                }
            }
            if (CAPITALIZED_AFTER_AND.contains(lower) && !placeName) {
                rendered = lower;
                capitalizeNext = true;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(rendered);
        }
        return KnownOrgans.official(out.toString()); // "Quốc Hội" → "Quốc hội", "… thương binh và xã Hội" → "… Thương binh và Xã hội"
    }

    private static String capitalize(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
