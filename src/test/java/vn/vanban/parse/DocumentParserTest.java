package vn.vanban.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.vanban.normalize.TextNormalizer;
import vn.vanban.support.Fixtures;

@org.junit.jupiter.api.Tag("slow")
class DocumentParserTest {

    static final DocumentParser PARSER = new DocumentParser(ParseConfig.defaults());
    static final DocumentParser NO_OCR = new DocumentParser(new ParseConfig(10_000_000, false, "vie", 300));
    static final TextNormalizer NORMALIZER = new TextNormalizer();

    static Stream<Arguments> devInEveryFormat() {
        return Fixtures.devNames().stream().flatMap(name -> Stream.of("docx", "odt", "pdf", "doc", "rtf", "html")
                .map(ext -> Arguments.of(name, ext)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("devInEveryFormat")
    void everyFormatGivesTheSameNormalizedText(String name, String ext) throws Exception {
        String fromTxt = normalized("dev/" + name + ".txt");
        String fromOffice = normalized("dev-office/" + ext + "/" + name + "." + ext);
        assertSameText(withoutWhitespace(fromTxt), withoutWhitespace(fromOffice));
    }

    /** Equality with a message that shows where the texts part, not both texts whole. */
    static void assertSameText(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i < expected.length() || i < actual.length()) {
            int from = Math.max(0, i - 40);
            throw new AssertionError("texts differ at " + i + ": expected …" + expected.substring(from, Math.min(expected.length(), i + 40))
                    + "… but was …" + actual.substring(from, Math.min(actual.length(), i + 40)) + "…");
        }
    }

    static Stream<Path> officeReal() {
        return Fixtures.files("office-real").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officeReal")
    void everyRealOfficeFileYieldsText(Path file) throws Exception {
        ParsedText t = PARSER.parse(java.nio.file.Files.readAllBytes(file), file.getFileName().toString());
        assertEquals(ParseStatus.OK, t.status(), t.reason());
        String norm = NORMALIZER.normalize(t.text());
        assertTrue(letters(norm) > 200, "text read from " + file.getFileName() + ": " + norm.length() + " chars");
    }

    @Test
    void scansAreReadWithOcr() throws Exception {
        ParsedText t = PARSER.parse(Fixtures.bytes("dev-office/scanned/004_cb4c592277384d8b.scanned.pdf"), "scan.pdf");
        assertTrue(t.ocr(), "OCR ran");
        assertEquals(ParseStatus.OK, t.status());
        String norm = NORMALIZER.normalize(t.text());
        assertTrue(norm.contains("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"), norm);
        assertTrue(norm.contains("gửi về Sở trước ngày 20/7/2023"), norm);
    }

    @Test
    void scansWithoutOcrAreMarkedNeedsOcrNotEmptySuccess() throws Exception {
        ParsedText t = NO_OCR.parse(Fixtures.bytes("dev-office/scanned/003_c24bcc14e8e31b22.scanned.pdf"), "scan.pdf");
        assertEquals(ParseStatus.NEEDS_OCR, t.status());
        assertTrue(t.reason().contains("OCR"), t.reason());
        ParsedText stub = NO_OCR.parse(Fixtures.bytes("office-real/STUB_quyet-dinh-so-109-qd-btc-468842.pdf"), "stub.pdf");
        assertEquals(ParseStatus.NEEDS_OCR, stub.status(), "a scan with only a stamp as text layer");
    }

    static Stream<Arguments> encodings() {
        return Stream.of(Arguments.of("UTF-8", false), Arguments.of("UTF-8", true), Arguments.of("UTF-16LE", true),
                Arguments.of("UTF-16BE", true), Arguments.of("UTF-16LE", false), Arguments.of("UTF-16BE", false),
                Arguments.of("windows-1258", false));
    }

    @ParameterizedTest(name = "{0} bom={1}")
    @MethodSource("encodings")
    void plainTextInEveryVietnameseEncoding(String charset, boolean bom) throws Exception {
        String text = Normalizer.normalize(java.nio.file.Files.readString(Fixtures.path("dev/004_cb4c592277384d8b.txt")),
                Normalizer.Form.NFC);
        byte[] body = charset.equals("windows-1258") ? cp1258(text) : text.getBytes(Charset.forName(charset));
        byte[] bytes = bom ? concat(bom(charset), body) : body;
        ParsedText t = PARSER.parse(bytes, "congvan.txt");
        assertEquals("text/plain", t.mediaType());
        assertSameText(withoutWhitespace(NORMALIZER.normalize(text)), withoutWhitespace(NORMALIZER.normalize(t.text())));
    }

    @Test
    void writeLimitTruncatesVisibly() throws Exception {
        DocumentParser small = new DocumentParser(new ParseConfig(1000, false, "vie", 300));
        ParsedText t = small.parse(Fixtures.bytes("dev-office/docx/000_dfb5246ff8e502db.docx"), "a.docx");
        assertEquals(ParseStatus.TRUNCATED, t.status());
        assertTrue(t.reason().contains("1000"), t.reason());
        assertTrue(t.text().length() <= 1000);
        assertEquals(ParseStatus.OK, PARSER.parse(Fixtures.bytes("dev-office/docx/000_dfb5246ff8e502db.docx"), "a.docx").status());
    }

    @Test
    void badFilesFailWithAClearReason() throws Exception {
        assertFailure(ParseFailure.Kind.EMPTY, new byte[0], "empty.docx", "empty");
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertFailure(ParseFailure.Kind.UNSUPPORTED, random, "random.bin", "unsupported");
        byte[] docx = Fixtures.bytes("dev-office/docx/000_dfb5246ff8e502db.docx");
        assertFailure(ParseFailure.Kind.CORRUPT, Arrays.copyOf(docx, docx.length / 2), "broken.docx", "DOCX");
        assertFailure(ParseFailure.Kind.ENCRYPTED, vn.vanban.hardening.HostileFiles.encryptedPdf(0), "secret.pdf", "encrypted");
    }

    private static void assertFailure(ParseFailure.Kind kind, byte[] bytes, String name, String inReason) {
        ParseFailure f = assertThrows(ParseFailure.class, () -> PARSER.parse(bytes, name));
        assertEquals(kind, f.kind(), f.getMessage());
        assertTrue(f.getMessage().toLowerCase().contains(inReason.toLowerCase()), f.getMessage());
    }

    /** Windows-1258 keeps ă â ê ô ơ ư đ precomposed and writes tones as combining marks. */
    static byte[] cp1258(String nfc) {
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if ("\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0) {
                tones.append(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                base.append(c);
            } else {
                out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
                base.setLength(0);
                tones.setLength(0);
                base.append(c);
            }
        }
        out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
        return out.toString().getBytes(Charset.forName("windows-1258"));
    }

    private static byte[] bom(String charset) {
        return switch (charset) {
            case "UTF-8" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
            default -> new byte[0];
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static String normalized(String fixture) throws Exception {
        Path p = Fixtures.path(fixture);
        return NORMALIZER.normalize(PARSER.parse(java.nio.file.Files.readAllBytes(p), p.getFileName().toString()).text());
    }

    static String withoutWhitespace(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static int letters(String s) {
        return (int) s.chars().filter(Character::isLetter).count();
    }

    @Test
    void encodingDetectorAnswersOnlyWhenSure() {
        byte[] ascii = "plain ascii text only".getBytes(StandardCharsets.US_ASCII);
        assertNull(VietnameseEncodingDetector.detect(ascii, ascii.length));
        byte[] utf8 = "Quyết định".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, VietnameseEncodingDetector.detect(utf8, utf8.length));
        byte[] cp1258 = cp1258("Quyết định về việc giao chỉ tiêu kế hoạch phát triển kinh tế");
        assertEquals(VietnameseEncodingDetector.WINDOWS_1258, VietnameseEncodingDetector.detect(cp1258, cp1258.length));
    }
}
