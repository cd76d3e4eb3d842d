package vn.vanban.store;

/** How a document is named wherever people read it: pages, feeds, e-mails, the trash. */
public final class DocumentTitle {

    private DocumentTitle() {
    }

    /**
     * "Kế hoạch số 12/KH-SNV: subject" from what is known of it; the file name when nothing is, else "(không tên)".
     *
     * @param type     loại văn bản, or null
     * @param number   số ký hiệu, or null
     * @param subject  trích yếu, or null
     * @param fileName the original's file name, or null
     */
    public static String of(String type, String number, String subject, String fileName) {
        StringBuilder b = new StringBuilder();
        if (type != null && !type.isBlank()) {
            b.append(type.strip());
        }
        if (number != null && !number.isBlank()) {
            b.append(b.isEmpty() ? "" : " ").append("số ").append(number.strip());
        }
        if (subject != null && !subject.isBlank()) {
            b.append(b.isEmpty() ? "" : ": ").append(subject.strip());
        }
        return b.isEmpty() ? (fileName == null || fileName.isBlank() ? "(không tên)" : fileName) : b.toString();
    }
}
