package vn.vanban.citation;

/** Escapes in table-driven test data: "\n" for a line break. */
final class TextNormalizerTestAccess {
    private TextNormalizerTestAccess() {
    }

    static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
