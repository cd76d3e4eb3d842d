package vn.vanban.ingest;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a file was not taken, in Vietnamese for the pages and the command line; the stored reason (English, as the API
 * gives it beside its code) follows where it carries detail a person can act on. Immutable.
 */
public final class FailureReasons {

    private static final Map<String, String> SAYS = Map.ofEntries(
            Map.entry("EMPTY", "Tệp rỗng (0 byte)."),
            Map.entry("TOO_LARGE", "Tệp quá lớn."),
            Map.entry("UNSUPPORTED", "Không đọc được loại tệp này."),
            Map.entry("ENCRYPTED", "Tệp được mã hóa hoặc đặt mật khẩu: gỡ mật khẩu rồi nạp lại."),
            Map.entry("CORRUPT", "Tệp hỏng, không đọc được nội dung."),
            Map.entry("TIMEOUT", "Đọc tệp quá lâu nên đã dừng (giới hạn vanban.parse.timeout-seconds)."),
            Map.entry("OUT_OF_MEMORY", "Tệp cần nhiều bộ nhớ hơn mức cho phép (vanban.parse.worker-heap-mb)."),
            Map.entry("CRASHED", "Trình đọc tệp dừng đột ngột."),
            Map.entry("UNSAFE_NAME", "Tên tệp không an toàn (ký tự điều khiển, đường dẫn hoặc tên quá dài)."),
            Map.entry("UNREADABLE", "Không đọc được tệp từ đĩa."),
            Map.entry("ERROR", "Không lưu được tệp vào kho."));

    /** "file too large: 123 bytes, limit 45 (vanban.max-file-size)". */
    private static final Pattern SIZES = Pattern.compile("(\\d+) bytes, limit (\\d+)");
    /** "unsupported file type [application/zip]". */
    private static final Pattern TYPE = Pattern.compile("\\[([^\\]]+)]");

    private FailureReasons() {
    }

    /** What a person reads of {@code o}'s reason: why it failed, or the remark on a file taken. */
    public static String of(IngestOutcome o) {
        return o.status() == IngestOutcome.Status.FAILED ? vietnamese(o.failureKind(), o.reason()) : note(o.reason());
    }

    /**
     * The Vietnamese note for a file taken with a remark ({@link IngestOutcome#reason()} of a stored file): a scan whose
     * text could not be read, or a text cut at the write limit.
     */
    public static String note(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        if (reason.contains("OCR found no text")) {
            return "Bản quét: nhận dạng chữ (OCR) không tìm thấy chữ nào; văn bản được lưu nhưng chưa tìm được theo nội dung.";
        }
        if (reason.contains("OCR unavailable")) {
            String why = reason.contains("switched off") ? "nhận dạng chữ (OCR) đang tắt (vanban.parse.ocr-enabled)"
                    : "máy chủ chưa cài Tesseract với dữ liệu tiếng Việt (tesseract-ocr-vie)";
            return "Ảnh hoặc bản quét chưa có lớp chữ: " + why + "; văn bản được lưu nhưng chưa tìm được theo nội dung.";
        }
        Matcher m = LIMIT.matcher(reason);
        if (m.find()) {
            return "Văn bản quá dài: chỉ lưu " + m.group(1) + " ký tự đầu (vanban.parse.write-limit).";
        }
        return reason;
    }

    /** "text truncated at 10000000 characters". */
    private static final Pattern LIMIT = Pattern.compile("truncated at (\\d+) characters");

    /** The Vietnamese sentence for a failure of {@code kind} recorded with {@code reason}. */
    public static String vietnamese(@Nullable String kind, @Nullable String reason) {
        String says = kind == null ? null : SAYS.get(kind);
        String detail = reason == null ? "" : reason.strip();
        if (says == null) {
            return detail.isEmpty() ? "Không nạp được tệp." : "Không nạp được tệp (" + detail + ").";
        }
        return switch (kind) {
            case "TOO_LARGE" -> {
                Matcher m = SIZES.matcher(detail);
                yield m.find() ? "Tệp quá lớn: " + m.group(1) + " byte, giới hạn " + m.group(2) + " byte (vanban.max-file-size)."
                        : says;
            }
            case "UNSUPPORTED" -> {
                Matcher m = TYPE.matcher(detail);
                yield m.find() ? "Không đọc được loại tệp này (" + m.group(1) + ")." : says;
            }
            case "EMPTY", "ENCRYPTED", "TIMEOUT", "OUT_OF_MEMORY" -> says;
            default -> detail.isEmpty() ? says : says.substring(0, says.length() - 1) + " (" + detail + ").";
        };
    }
}
