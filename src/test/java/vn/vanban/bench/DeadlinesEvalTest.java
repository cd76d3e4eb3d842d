package vn.vanban.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.analysis.DocumentAnalysis;

/** A judged sample is scored on what the analysis still finds: right, wrong, and no longer found. */
class DeadlinesEvalTest {

    @Test
    void judgedDeadlinesStillFoundCountAsJudged(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus/sub"));
        Files.writeString(corpus.resolve("a.txt"), """
                BỘ TÀI CHÍNH
                Số: 12/2026/TT-BTC
                Hà Nội, ngày 15 tháng 3 năm 2026
                THÔNG TƯ
                Hướng dẫn báo cáo
                Điều 1. Báo cáo
                1. Các bộ, ngành gửi báo cáo về Bộ Tài chính trước ngày 30 tháng 6 năm 2026.
                2. Ủy ban nhân dân cấp tỉnh tổng hợp, gửi Bộ Tài chính trước ngày 15 tháng 12 hằng năm.
                """);
        Path sample = dir.resolve("judged.json");
        Files.writeString(sample, """
                {"items": [
                 {"file": "a.txt", "due": "2026-06-30", "expression": "ngày 30 tháng 6 năm 2026",
                  "what": "Các bộ, ngành gửi báo cáo về Bộ Tài chính trước ngày 30 tháng 6 năm 2026.", "correct": true},
                 {"file": "a.txt", "due": "2026-12-15", "expression": "ngày 15 tháng 12 hằng năm",
                  "what": "Ủy ban nhân dân cấp tỉnh tổng hợp, gửi Bộ Tài chính trước ngày 15 tháng 12 hằng năm.", "correct": false},
                 {"file": "a.txt", "due": "2026-09-01", "expression": "ngày 01 tháng 9 năm 2026",
                  "what": "a deadline the text no longer gives", "correct": true}
                ]}
                """);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DeadlinesEvalCommand.Score s = DeadlinesEvalCommand.score(sample, DeadlinesEvalCommand.index(dir.resolve("corpus")),
                DocumentAnalysis.standalone(), new HashMap<>(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(new DeadlinesEvalCommand.Score(1, 1, 1), s);
        assertEquals(0.5, s.precision());
        assertEquals(true, printed.toString(StandardCharsets.UTF_8).contains("wrong, still found: a.txt 2026-12-15"));
    }
}
