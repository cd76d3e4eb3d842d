package vn.vanban.parse;

/**
 * The text a parser read from one file.
 *
 * @param text      the extracted text as the parser gave it (not normalized), never null
 * @param mediaType the detected media type, e.g. {@code application/pdf}
 * @param status    whether the text is complete
 * @param reason    why the status is not OK, else null
 * @param ocr       whether OCR produced (part of) the text
 */
public record ParsedText(String text, String mediaType, ParseStatus status, String reason, boolean ocr) {
}
