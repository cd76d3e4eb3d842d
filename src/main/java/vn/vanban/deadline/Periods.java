package vn.vanban.deadline;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vanban.normalize.Folding;

/**
 * The periods tasks belong to ("2023-Q2", "2015-H2", "2019"): written for people ("Quý II/2023", "6 tháng cuối năm
 * 2015", "Năm 2019"), read back from what people type (the page's own labels, "quý 2/2023", "Q2/2023", the codes), and
 * ordered in calendar order, newest first.
 */
public final class Periods {

    private static final List<String> ROMAN = List.of("I", "II", "III", "IV");
    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(Q[1-4]|H[12]))?");
    private static final Pattern QUARTER = Pattern.compile("(?:quy|q)\\s*(iv|i{1,3}|[1-4])\\s*(?:/|nam|-)\\s*(\\d{4})");
    private static final Pattern HALF = Pattern.compile("6\\s*thang\\s*(dau|cuoi)\\s*(?:nam)?\\s*(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(?:nam\\s*)?(\\d{4})");

    /** Newest first: by the period's last day, then the shorter period first (Quý IV/2023 before Năm 2023). */
    public static final Comparator<String> NEWEST_FIRST = Comparator.comparing(Periods::lastDay, Comparator.reverseOrder())
            .thenComparing(Periods::firstDay, Comparator.reverseOrder()).thenComparing(Comparator.naturalOrder());

    private Periods() {
    }

    /** A day, month or year in ISO as people write it: "2018-12-08" → "08/12/2018"; "2019-12" → "12/2019"; null → "". */
    public static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        return switch (iso.length()) {
            case 10 -> iso.substring(8, 10) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4);
            case 7 -> iso.substring(5, 7) + "/" + iso.substring(0, 4);
            default -> iso;
        };
    }

    /** "2023-Q2" → "Quý II/2023"; "2015-H2" → "6 tháng cuối năm 2015"; "2019" → "Năm 2019"; anything else as it is. */
    public static String label(String period) {
        Matcher m = CODE.matcher(period);
        if (!m.matches()) {
            return period;
        }
        String y = m.group(1);
        String part = m.group(2);
        if (part == null) {
            return "Năm " + y;
        }
        return part.startsWith("Q") ? "Quý " + ROMAN.get(part.charAt(1) - '1') + "/" + y
                : "6 tháng " + (part.equals("H1") ? "đầu" : "cuối") + " năm " + y;
    }

    /**
     * The period code of what someone typed: a code ("2023-Q2"), a label as the pages write it ("Quý II/2023", "6
     * tháng đầu năm 2015", "Năm 2019"), or a looser form ("quý 2/2023", "Q2/2023", "quy ii nam 2023"); null if none.
     */
    public static String parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        if (CODE.matcher(t.toUpperCase(Locale.ROOT)).matches()) {
            return t.toUpperCase(Locale.ROOT);
        }
        String f = Folding.fold(t).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher q = QUARTER.matcher(f);
        if (q.matches()) {
            String n = q.group(1).toUpperCase(Locale.ROOT);
            int quarter = n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : ROMAN.indexOf(n) + 1;
            return q.group(2) + "-Q" + quarter;
        }
        Matcher h = HALF.matcher(f);
        if (h.matches()) {
            return h.group(2) + (h.group(1).equals("dau") ? "-H1" : "-H2");
        }
        Matcher y = YEAR.matcher(f);
        return y.matches() ? y.group(1) : null;
    }

    /** The first day of {@code period}; periods the codes do not name sort last. */
    static LocalDate firstDay(String period) {
        Matcher m = CODE.matcher(period == null ? "" : period);
        if (!m.matches()) {
            return LocalDate.MIN;
        }
        int y = Integer.parseInt(m.group(1));
        String part = m.group(2);
        if (part == null) {
            return LocalDate.of(y, 1, 1);
        }
        int n = part.charAt(1) - '0';
        return LocalDate.of(y, part.startsWith("Q") ? 3 * n - 2 : 6 * n - 5, 1);
    }

    /** The last day of {@code period}. */
    static LocalDate lastDay(String period) {
        Matcher m = CODE.matcher(period == null ? "" : period);
        if (!m.matches()) {
            return LocalDate.MIN;
        }
        String part = m.group(2);
        LocalDate first = firstDay(period);
        return (part == null ? first.plusYears(1) : part.startsWith("Q") ? first.plusMonths(3) : first.plusMonths(6)).minusDays(1);
    }
}
