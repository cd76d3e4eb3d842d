package vn.vanban.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Periods and recurrence rules as people read and type them. */
class PeriodsAndRecurrencesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15|ngày 15/01 hằng năm",
            "FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=25|ngày 25 các tháng chẵn",
            "FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=5|ngày 5 các tháng lẻ",
            "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=10|ngày 10 tháng cuối mỗi quý",
            "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYMONTHDAY=15|ngày 15 tháng đầu mỗi quý",
            "FREQ=MONTHLY;BYMONTHDAY=20|ngày 20 hằng tháng",
            "FREQ=WEEKLY;BYDAY=FR|thứ Sáu hằng tuần",
    })
    void aRuleReadsAsDocumentsWriteIt(String rrule, String vietnamese) {
        assertEquals(vietnamese, Recurrences.describe(rrule));
    }

    @Test
    void noRuleIsNoText() {
        assertNull(Recurrences.describe(null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Quý II/2023|2023-Q2", "quý 2/2023|2023-Q2", "Q2/2023|2023-Q2", "2023-Q2|2023-Q2", "quy iv nam 2024|2024-Q4",
            "6 tháng đầu năm 2015|2015-H1", "6 tháng cuối năm 2015|2015-H2", "Năm 2019|2019", "2019|2019",
    })
    void whatPeopleTypeIsAPeriod(String typed, String code) {
        assertEquals(code, Periods.parse(typed));
        // and what the pages write reads back as the same period
        assertEquals(code, Periods.parse(Periods.label(code)));
    }

    @Test
    void notAPeriod() {
        assertNull(Periods.parse("tuần sau"));
        assertNull(Periods.parse("  "));
    }

    @Test
    void periodsRunNewestFirstInCalendarOrder() {
        List<String> periods = new ArrayList<>(List.of("2023-Q2", "2020-Q1", "2045", "1975", "2023", "2023-Q4", "2023-H1", "2024-Q1"));
        periods.sort(Periods.NEWEST_FIRST);
        assertEquals(List.of("2045", "2024-Q1", "2023-Q4", "2023", "2023-Q2", "2023-H1", "2020-Q1", "1975"), periods);
    }
}
