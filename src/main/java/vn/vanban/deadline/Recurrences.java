package vn.vanban.deadline;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;

/**
 * A recurrence rule (RFC 5545, as deadlines carry it) written as Vietnamese documents write it: "ngày 15/01 hằng năm",
 * "ngày 25 các tháng chẵn", "ngày 10 tháng cuối mỗi quý", "thứ Sáu hằng tuần". ical4j reads the rule.
 */
public final class Recurrences {

    private static final Map<String, String> WEEKDAYS = Map.of("MO", "thứ Hai", "TU", "thứ Ba", "WE", "thứ Tư", "TH", "thứ Năm",
            "FR", "thứ Sáu", "SA", "thứ Bảy", "SU", "Chủ nhật");
    private static final List<Integer> EVEN = List.of(2, 4, 6, 8, 10, 12);
    private static final List<Integer> ODD = List.of(1, 3, 5, 7, 9, 11);
    private static final List<Integer> QUARTER_END = List.of(3, 6, 9, 12);
    private static final List<Integer> QUARTER_START = List.of(1, 4, 7, 10);

    private Recurrences() {
    }

    /** {@code rrule} in Vietnamese ("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15" → "ngày 15/01 hằng năm"); null stays null. */
    public static String describe(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            return null;
        }
        Recur<java.time.LocalDate> r;
        try {
            r = new Recur<>(rrule);
        } catch (IllegalArgumentException e) {
            return "định kỳ (" + rrule + ")"; // a rule of another shape, entered by hand: shown as it is
        }
        List<Integer> months = r.getMonthList().stream().map(m -> m.getMonthOfYear()).toList();
        List<Integer> days = r.getMonthDayList();
        String day = days.isEmpty() ? null : days.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return switch (r.getFrequency()) {
            case WEEKLY -> r.getDayList().isEmpty() ? "hằng tuần"
                    : r.getDayList().stream().map(Recurrences::weekday).collect(Collectors.joining(", ")) + " hằng tuần";
            case MONTHLY -> {
                String d = day == null ? "" : "ngày " + day + " ";
                if (months.isEmpty()) {
                    yield d + "hằng tháng";
                } else if (months.equals(EVEN)) {
                    yield d + "các tháng chẵn";
                } else if (months.equals(ODD)) {
                    yield d + "các tháng lẻ";
                } else if (months.equals(QUARTER_END)) {
                    yield d + "tháng cuối mỗi quý";
                } else if (months.equals(QUARTER_START)) {
                    yield d + "tháng đầu mỗi quý";
                }
                yield d + "các tháng " + months.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            case YEARLY -> {
                if (months.size() == 1 && days.size() == 1) {
                    yield String.format("ngày %02d/%02d hằng năm", days.get(0), months.get(0));
                }
                String m = months.isEmpty() ? "" : "tháng " + months.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " ";
                yield (day == null ? "" : "ngày " + day + " ") + m + "hằng năm";
            }
            case DAILY -> "hằng ngày";
            default -> "định kỳ (" + rrule + ")";
        };
    }

    private static String weekday(WeekDay d) {
        return WEEKDAYS.getOrDefault(d.getDay().name(), d.getDay().name());
    }
}
