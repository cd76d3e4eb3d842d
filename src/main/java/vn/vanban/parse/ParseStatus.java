package vn.vanban.parse;

/** How complete a parsed text is. */
public enum ParseStatus {
    /** All text was read. */
    OK,
    /** A limit stopped reading; the text is a prefix and the reason says which limit. */
    TRUNCATED,
    /** An image or image-only PDF whose text OCR could not give (OCR unavailable or found nothing). */
    NEEDS_OCR
}
