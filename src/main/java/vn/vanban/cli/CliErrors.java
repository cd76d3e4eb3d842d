package vn.vanban.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * What went wrong, said in Vietnamese for the command line: a mistyped command, a file that is not there, a database
 * that does not answer, a data directory another Vanban holds. The underlying message (often English, from a library)
 * follows in parentheses where it helps to find the cause.
 */
public final class CliErrors {

    private CliErrors() {
    }

    /** One line saying what went wrong with {@code e} and, where there is one, what to do. */
    public static String explain(Throwable e) {
        if (e instanceof CommandLine.MissingParameterException m) {
            return "thiếu " + m.getMissing().stream().map(CliErrors::name).collect(Collectors.joining(", "));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            String suggestions = u.getSuggestions().isEmpty() ? "" : "; có phải ý là: " + String.join(", ", u.getSuggestions());
            return "không hiểu tham số " + String.join(" ", u.getUnmatched()) + suggestions;
        }
        if (e instanceof CommandLine.ParameterException p) {
            if (p.getArgSpec() != null && p.getValue() != null) {
                Class<?> type = p.getArgSpec().type();
                String wanted = type == java.time.LocalDate.class ? "một ngày, ví dụ 31/12/2026 hoặc 2026-12-31"
                        : type == int.class || type == Integer.class || type == long.class || type == Long.class ? "một số nguyên"
                        : null;
                return "giá trị \u201c" + p.getValue() + "\u201d không hợp lệ cho " + name(p.getArgSpec())
                        + (wanted != null ? ": cần " + wanted : " (" + p.getMessage() + ")");
            }
            return "tham số không hợp lệ (" + p.getMessage() + ")";
        }
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof java.nio.file.NoSuchFileException f) {
                return "không tìm thấy tệp " + f.getFile();
            }
            if (t instanceof java.nio.file.AccessDeniedException f) {
                return "không có quyền đọc hoặc ghi " + f.getFile();
            }
            if (t instanceof org.apache.lucene.store.LockObtainFailedException || contains(t, "Database may be already in use")
                    || contains(t, "The file is locked")) {
                return "thư mục dữ liệu đang được một tiến trình Vanban khác dùng: dừng tiến trình đó, hoặc chọn thư mục khác"
                        + " (VANBAN_DATA_DIR)";
            }
            if (contains(t, "Access denied for user")) {
                return "cơ sở dữ liệu từ chối tài khoản: kiểm tra VANBAN_DB_USER và VANBAN_DB_PASSWORD (" + t.getMessage() + ")";
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || contains(t, "Connection refused") || contains(t, "Could not connect")) {
                return "không kết nối được cơ sở dữ liệu: kiểm tra máy chủ MariaDB và VANBAN_DB_URL (" + t.getMessage() + ")";
            }
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage(); // the program's own words
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "sự cố không lường trước (" + message + ")";
    }

    /** A day as people here write it, 31/12/2026, or as ISO, 2026-12-31. */
    public static java.time.LocalDate date(String value) {
        String v = value.strip();
        return v.contains("/") ? java.time.LocalDate.parse(v, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu"))
                : java.time.LocalDate.parse(v);
    }

    private static boolean contains(Throwable t, String words) {
        return t.getMessage() != null && t.getMessage().contains(words);
    }

    private static String name(CommandLine.Model.ArgSpec spec) {
        return spec instanceof CommandLine.Model.OptionSpec o ? o.longestName() : spec.paramLabel();
    }
}
