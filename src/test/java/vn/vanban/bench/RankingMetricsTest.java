package vn.vanban.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The eval's metrics against values worked out by hand. */
class RankingMetricsTest {

    private static final List<String> RANKED = List.of("a", "b", "c", "d");

    @Test
    void reciprocalRankIsOneOverTheFirstRelevantRank() {
        assertEquals(1.0 / 3, RankingMetrics.reciprocalRank(RANKED, Map.of("c", 2, "d", 1), 10), 1e-9);
        assertEquals(0.0, RankingMetrics.reciprocalRank(RANKED, Map.of("c", 2), 2), 1e-9, "beyond the cut-off");
        assertEquals(0.0, RankingMetrics.reciprocalRank(RANKED, Map.of("z", 2), 10), 1e-9);
    }

    @Test
    void ndcgDiscountsByLog2OfTheRank() {
        // relevant c (grade 2, gain 3) at rank 3 and z (grade 1, gain 1) missing: DCG = 3/log2(4) = 1.5;
        // ideal: 3/log2(2) + 1/log2(3) = 3 + 0.6309 = 3.6309
        assertEquals(1.5 / (3 + 1 / (Math.log(3) / Math.log(2))), RankingMetrics.ndcg(RANKED, Map.of("c", 2, "z", 1), 10), 1e-9);
        assertEquals(1.0, RankingMetrics.ndcg(RANKED, Map.of("a", 2, "b", 1), 10), 1e-9, "ideal order");
    }

    @Test
    void recallCountsRelevantFoundWithinTheCutOff() {
        assertEquals(0.5, RankingMetrics.recall(RANKED, Map.of("b", 1, "z", 2), 10), 1e-9);
        assertEquals(0.0, RankingMetrics.recall(RANKED, Map.of("d", 1), 3), 1e-9);
    }

    @Test
    void foldingKeepsCase() {
        assertEquals("Quyet dinh so 2099/QD-UBND", EvalCommand.fold("Quyết định số 2099/QĐ-UBND"));
    }
}
