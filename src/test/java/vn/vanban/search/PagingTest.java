package vn.vanban.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pages of a ranked search beyond the documents ranked a second time (the first 100): every page is cut from one
 * order, so paging through the hits gives each matching document once, in the order a single large page gives.
 */
class PagingTest extends SearchFixture {

    static final int MATCHING = 157;

    @Override
    void documents() {
        // texts of different lengths and with the words more or less often, so the scores differ; the exact and the
        // folded spellings mixed, so ranking them again reorders the head
        Random r = new Random(7);
        String[] filler = {"ủy ban nhân dân tỉnh", "kế hoạch thực hiện", "các sở, ngành", "trong năm", "theo quy định",
                "Sở Tài chính", "an toàn thông tin", "đơn vị"};
        for (int i = 0; i < MATCHING; i++) {
            StringBuilder b = new StringBuilder("Văn bản số ").append(i).append(". ");
            int words = 5 + r.nextInt(60);
            for (int w = 0; w < words; w++) {
                b.append(filler[r.nextInt(filler.length)]).append(' ');
                if (r.nextInt(7) == 0) {
                    b.append(r.nextBoolean() ? "báo cáo " : "bao cao ");
                }
            }
            b.append(" báo cáo kết quả.");
            add("m" + i, b.toString());
        }
        for (int i = 0; i < 20; i++) {
            add("x" + i, "Văn bản khác số " + i + " về kế hoạch thực hiện trong năm.");
        }
    }

    @Test
    void pagingThroughTheHitsGivesEachOnceInTheOrderOfOneLargePage() {
        Set<Long> matching = new HashSet<>();
        for (int i = 0; i < MATCHING; i++) {
            matching.add(ids.get("m" + i));
        }
        for (String q : List.of("báo cáo", "bao cao")) {
            List<Long> paged = new ArrayList<>();
            for (int page = 0; ; page++) {
                SearchResult res = search.search(q, page, 20);
                assertEquals(MATCHING, res.total(), q);
                if (res.hits().isEmpty()) {
                    assertTrue(page * 20 >= MATCHING, q + ": page " + page + " empty too early");
                    break;
                }
                res.hits().forEach(h -> paged.add(h.id()));
            }
            assertEquals(MATCHING, paged.size(), q + ": hits paged");
            assertEquals(matching, new HashSet<>(paged), q + ": every matching document once");
            List<Long> large = new ArrayList<>();
            search.search(q, 0, 100).hits().forEach(h -> large.add(h.id()));
            search.search(q, 1, 100).hits().forEach(h -> large.add(h.id()));
            assertEquals(large, paged, q + ": pages of 20 and pages of 100 in one order");
        }
    }
}
