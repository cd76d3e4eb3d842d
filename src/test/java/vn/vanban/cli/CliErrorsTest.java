package vn.vanban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.Vanban;
import vn.vanban.ingest.FailureReasons;

/** The command line says what went wrong in Vietnamese, with what to do; the API keeps its English reasons. */
class CliErrorsTest {

    /** What {@code vanban args} writes to standard error, and its exit code. */
    private static String[] run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Vanban.run(args);
        } finally {
            System.setErr(saved);
        }
        return new String[] {Integer.toString(status), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void mistypedCommandsAndMissingFilesAreSaidInVietnamese(@TempDir Path dir) throws Exception {
        String[] r = run("frobnicate");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("lỗi: không hiểu tham số frobnicate") && r[1].contains("xem cách dùng: vanban --help"), r[1]);

        r = run("extract");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("lỗi: thiếu FILE") && r[1].contains("vanban extract --help"), r[1]);

        r = run("extract", dir.resolve("khong-co.pdf").toString());
        assertEquals("1", r[0]);
        assertTrue(r[1].contains("lỗi: không tìm thấy tệp") && r[1].contains("khong-co.pdf"), r[1]);

        Path locked = Files.write(dir.resolve("mat-khau.pdf"), vn.vanban.hardening.HostileFiles.encryptedPdf(0));
        r = run("extract", locked.toString());
        assertTrue(r[1].contains("Tệp được mã hóa hoặc đặt mật khẩu"), r[1]);
    }

    @Test
    void aDayIsReadAsPeopleHereWriteIt() {
        assertEquals(LocalDate.of(2019, 1, 11), CliErrors.date("11/01/2019"));
        assertEquals(LocalDate.of(2019, 1, 11), CliErrors.date("11/1/2019"));
        assertEquals(LocalDate.of(2019, 1, 11), CliErrors.date("2019-01-11"));
    }

    @Test
    void failureReasonsReadInVietnamese() {
        assertEquals("Tệp quá lớn: 300 byte, giới hạn 200 byte (vanban.max-file-size).",
                FailureReasons.vietnamese("TOO_LARGE", "file too large: 300 bytes, limit 200 (vanban.max-file-size)"));
        assertEquals("Không đọc được loại tệp này (application/zip).",
                FailureReasons.vietnamese("UNSUPPORTED", "unsupported file type [application/zip]"));
        assertEquals("Tệp hỏng, không đọc được nội dung (broken DOCX: zip END header not found).",
                FailureReasons.vietnamese("CORRUPT", "broken DOCX: zip END header not found"));
        assertEquals("Không nạp được tệp (something new).", FailureReasons.vietnamese("SOMETHING", "something new"));
        assertEquals("Văn bản quá dài: chỉ lưu 10000000 ký tự đầu (vanban.parse.write-limit).",
                FailureReasons.note("text truncated at 10000000 characters (vanban.parse.write-limit)"));
        assertTrue(FailureReasons.note("no text layer; OCR unavailable: OCR is switched off (vanban.parse.ocr-enabled=false)")
                .contains("đang tắt"));
    }
}
