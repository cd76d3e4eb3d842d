package vn.vanban.web;

/** How pages write values: Vietnamese dates as dd/mm/yyyy at the precision printed, labels for codes. */
final class Display {

    private Display() {
    }

    /** {@code s} cut to at most {@code max} characters, an ellipsis marking the cut; "" for null. */
    static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** "2018-12-08" → "08/12/2018"; "2019-12" → "12/2019"; "2023" → "2023"; null → "". */
    static String date(String iso) {
        return vn.vanban.deadline.Periods.date(iso);
    }

    /** The day of {@code at} in Việt Nam, as dd/mm/yyyy. */
    static String instantDay(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(at);
    }

    /** The Vietnamese label of a citation relation. */
    static String relation(String relation) {
        return switch (relation == null ? "" : relation) {
            case "basis" -> "căn cứ";
            case "implements" -> "thực hiện";
            case "amends" -> "sửa đổi, bổ sung";
            case "replaces" -> "thay thế";
            case "repeals" -> "bãi bỏ";
            case "guides" -> "hướng dẫn";
            default -> "dẫn chiếu";
        };
    }

    /** Facet dimension labels. */
    static String dimension(String dim) {
        return switch (dim) {
            case "type" -> "Loại văn bản";
            case "issuer" -> "Cơ quan ban hành";
            case "province" -> "Tỉnh, thành phố";
            case "year" -> "Năm";
            case "field" -> "Lĩnh vực";
            case "status" -> "Tình trạng";
            case "deadlines" -> "Thời hạn";
            case "validity" -> "Hiệu lực";
            case "tag" -> "Thẻ";
            default -> dim;
        };
    }

    /** Facet value labels where the index keeps a code. */
    static String facetValue(String dim, String value) {
        return switch (dim + ":" + value) {
            case "status:draft" -> "Dự thảo";
            case "status:final" -> "Chính thức";
            case "deadlines:yes" -> "Có thời hạn";
            case "deadlines:no" -> "Không có thời hạn";
            default -> {
                var s = dim.equals("validity") ? vn.vanban.citation.Validity.Status.ofCode(value) : null;
                yield s == null ? value : s.label();
            }
        };
    }

    /** {@code back} when it is a path of this site (never another site: "//host", "\\host"), else {@code otherwise}. */
    static String localPath(String back, String otherwise) {
        return vn.vanban.auth.ReturnToPage.isLocal(back) ? back : otherwise; // the one check of a local path
    }

    /** HTML-escaped text (unbescape, the escaper Thymeleaf itself uses). */
    static String escape(String s) {
        return s == null ? "" : org.unbescape.html.HtmlEscape.escapeHtml5Xml(s);
    }
}
