package vn.vanban.parse;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text of one file with Apache Tika: detects the type, refuses types no parser reads, stops at the write
 * limit (and says so), OCRs images and image-only PDF pages with Tesseract when it is installed, and marks a scan
 * it could not read as {@link ParseStatus#NEEDS_OCR}. Thread-safe; the caller owns the bytes.
 */
@Singleton
public final class DocumentParser {

    /** Bytes whose detection is tried first. */
    private static final int DETECT_PREFIX = 8192;

    /** Fewer letters than this from a PDF or image means there was no text layer to read. */
    private static final int MIN_LETTERS = 20;

    private final ParseConfig config;
    private final TikaConfig tika;
    private final AutoDetectParser parser;
    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final EncodingDetector encodingDetector;
    private final java.util.Map<MediaType, Parser> parsers;
    private final boolean ocrAvailable;
    private final String ocrUnavailableReason;

    public DocumentParser(ParseConfig config) {
        this.config = config;
        this.tika = TikaConfig.getDefaultConfig();
        this.parser = new AutoDetectParser(tika);
        this.detector = tika.getDetector();
        this.registry = tika.getMediaTypeRegistry();
        java.util.Map<MediaType, Parser> byType = new java.util.HashMap<>(parser.getParsers(new ParseContext()));
        // plain text as text: the default text parser also sniffs every .txt for CSV dialects, which costs and gives nothing here
        byType.put(MediaType.TEXT_PLAIN, new org.apache.tika.parser.txt.TXTParser());
        this.parsers = java.util.Map.copyOf(byType);
        this.encodingDetector = new CompositeEncodingDetector(
                List.of(new VietnameseEncodingDetector(), new DefaultEncodingDetector()));
        String why = config.ocrEnabled() ? probeTesseract(config.ocrLanguage()) : "OCR is switched off (vanban.parse.ocr-enabled=false)";
        this.ocrAvailable = why == null;
        this.ocrUnavailableReason = why;
    }

    /** Whether scans can be read here. */
    public boolean ocrAvailable() {
        return ocrAvailable;
    }

    /** Detects the media type of {@code bytes} named {@code fileName}. */
    public String detect(byte[] bytes, String fileName) {
        Metadata md = new Metadata();
        if (fileName != null) {
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        String type = null;
        if (bytes.length > DETECT_PREFIX) {
            // magic numbers sit near the start: a text type found in the head is the answer, and spares scanning
            // every pattern over the whole window of a long text file; anything else is detected on all the bytes
            // (by the MIME repository alone: the archive and OLE container detectors never answer text)
            String head = detectType(tika.getMimeRepository(), java.util.Arrays.copyOf(bytes, DETECT_PREFIX), md);
            if (head.startsWith("text/")) {
                type = head;
            }
        }
        if (type == null) {
            type = detectType(detector, bytes, md);
        }
        if (!type.startsWith("text/") && !containerMagic(bytes)) {
            // UTF-16 text without a byte order mark can begin with bytes that look like an image's magic number
            java.nio.charset.Charset cs = VietnameseEncodingDetector.detect(bytes, Math.min(bytes.length, 65536));
            if (cs != null && cs.name().startsWith("UTF-16")) {
                return "text/plain";
            }
        }
        return type;
    }

    /** Magic numbers of the office containers (PDF, ZIP, OLE2, RTF): no UTF-16 Vietnamese text begins with them. */
    private static final byte[][] CONTAINER_MAGIC = {
            "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), {'P', 'K', 3, 4},
            {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
            "{\\rtf".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};

    private static boolean containerMagic(byte[] bytes) {
        for (byte[] magic : CONTAINER_MAGIC) {
            if (bytes.length >= magic.length && java.util.Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        return false;
    }

    private static String detectType(Detector detector, byte[] bytes, Metadata md) {
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return detector.detect(in, md).getBaseType().toString();
        } catch (IOException e) {
            return MediaType.OCTET_STREAM.toString();
        }
    }

    /** Whether a parser that gives text exists for {@code mediaType}. */
    public boolean supports(String mediaType) {
        MediaType type = MediaType.parse(mediaType);
        return type != null && parserFor(type) != null;
    }

    /** The parser registered for {@code type} or its nearest supertype; null for none (or only the octet-stream one). */
    private Parser parserFor(MediaType type) {
        for (MediaType t = type; t != null; t = registry.getSupertype(t)) {
            if (t.equals(MediaType.OCTET_STREAM)) {
                return null;
            }
            Parser p = parsers.get(t);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * Parses {@code bytes}.
     *
     * @throws ParseFailure when the file yields no text at all: empty, unsupported, encrypted or corrupt
     */
    public ParsedText parse(byte[] bytes, String fileName) throws ParseFailure {
        return parse(bytes, fileName, bytes.length == 0 ? "" : detect(bytes, fileName));
    }

    /** Parses {@code bytes} whose type {@link #detect} already gave as {@code mediaType}. */
    public ParsedText parse(byte[] bytes, String fileName, String mediaType) throws ParseFailure {
        if (bytes.length == 0) {
            throw new ParseFailure(ParseFailure.Kind.EMPTY, "empty file (0 bytes)");
        }
        if (!supports(mediaType)) {
            throw new ParseFailure(ParseFailure.Kind.UNSUPPORTED, "unsupported file type [" + mediaType + "]");
        }
        boolean image = mediaType.startsWith("image/");
        boolean pdf = mediaType.equals("application/pdf");
        if (image && !ocrAvailable) {
            return new ParsedText("", mediaType, ParseStatus.NEEDS_OCR,
                    "an image; OCR unavailable: " + ocrUnavailableReason, false);
        }
        Metadata md = new Metadata();
        ParsedText first = run(bytes, fileName, mediaType, image ? Ocr.ONLY : Ocr.OFF, md);
        if (MarkdownTables.appliesTo(mediaType)) {
            String text = MarkdownTables.isMarkdown(mediaType) ? MarkdownTables.paragraphs(first.text()) : first.text();
            return new ParsedText(MarkdownTables.cells(text), first.mediaType(), first.status(), first.reason(), first.ocr());
        }
        if (!pdf || first.status() != ParseStatus.OK || !textLayerMissing(first.text(), md)) {
            return image ? scanResult(first) : first;
        }
        // a PDF without a text layer (a scan, perhaps with a stamp as text): read its page images
        if (!ocrAvailable) {
            return new ParsedText(first.text(), mediaType, ParseStatus.NEEDS_OCR,
                    "no text layer; OCR unavailable: " + ocrUnavailableReason, false);
        }
        return scanResult(run(bytes, fileName, mediaType, Ocr.ONLY, new Metadata()));
    }

    private ParsedText scanResult(ParsedText t) {
        if (t.status() == ParseStatus.OK && letters(t.text()) < MIN_LETTERS) {
            return new ParsedText(t.text(), t.mediaType(), ParseStatus.NEEDS_OCR, "no text layer, and OCR found no text", true);
        }
        return new ParsedText(t.text(), t.mediaType(), t.status(), t.reason(), true);
    }

    private enum Ocr { OFF, ONLY }

    private ParsedText run(byte[] bytes, String fileName, String mediaType, Ocr ocr, Metadata md) throws ParseFailure {
        ParseContext context = context(ocr == Ocr.ONLY);
        StringWriter out = new StringWriter(Math.min(bytes.length, 1 << 20)); // a text file's text is as long as it
        WriteOutContentHandler limited = new WriteOutContentHandler(out, config.writeLimit());
        if (fileName != null) {
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        md.set(Metadata.CONTENT_TYPE, mediaType);
        ParseStatus status = ParseStatus.OK;
        String reason = null;
        try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
            parserFor(MediaType.parse(mediaType)).parse(in, new BodyContentHandler(limited), md, context);
        } catch (EncryptedDocumentException e) {
            throw new ParseFailure(ParseFailure.Kind.ENCRYPTED, "encrypted or password-protected " + label(mediaType), e);
        } catch (ZeroByteFileException e) {
            throw new ParseFailure(ParseFailure.Kind.EMPTY, "empty file (0 bytes)", e);
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ParseFailure(ParseFailure.Kind.CORRUPT, "unreadable " + label(mediaType) + ": " + message(e), e);
            }
            status = ParseStatus.TRUNCATED;
            reason = "text truncated at " + config.writeLimit() + " characters (vanban.parse.write-limit)";
        } catch (TikaException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                status = ParseStatus.TRUNCATED;
                reason = "text truncated at " + config.writeLimit() + " characters (vanban.parse.write-limit)";
            } else if (isEncrypted(e)) {
                throw new ParseFailure(ParseFailure.Kind.ENCRYPTED, "encrypted or password-protected " + label(mediaType), e);
            } else {
                throw new ParseFailure(ParseFailure.Kind.CORRUPT, "broken " + label(mediaType) + ": " + message(e), e);
            }
        } catch (IOException | RuntimeException e) {
            throw new ParseFailure(ParseFailure.Kind.CORRUPT, "broken " + label(mediaType) + ": " + message(e), e);
        }
        return new ParsedText(out.toString(), mediaType, status, reason, false);
    }

    private ParseContext context(boolean ocr) {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(EncodingDetector.class, encodingDetector);
        TesseractOCRConfig ocrConfig = new TesseractOCRConfig();
        ocrConfig.setSkipOcr(!ocr);
        if (ocr) {
            ocrConfig.setLanguage(config.ocrLanguage());
            ocrConfig.setTimeoutSeconds(config.ocrTimeoutSeconds());
        }
        context.set(TesseractOCRConfig.class, ocrConfig);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(ocr ? PDFParserConfig.OCR_STRATEGY.OCR_ONLY : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        pdf.setSortByPosition(true);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** Null when Tesseract with {@code language} runs here, else why not. */
    private static String probeTesseract(String language) {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "tesseract did not answer";
            }
            for (String lang : language.split("\\+")) {
                if (!out.lines().map(String::strip).toList().contains(lang)) {
                    return "tesseract has no '" + lang + "' language data (install tesseract-ocr-" + lang + ")";
                }
            }
            return null;
        } catch (IOException e) {
            return "tesseract is not installed (install tesseract-ocr and tesseract-ocr-" + language + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing tesseract";
        }
    }

    private static boolean isEncrypted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException
                    || t.getClass().getSimpleName().contains("Encrypted")
                    || t.getClass().getSimpleName().contains("InvalidPassword")) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static String label(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX";
            case "application/msword", "application/x-tika-msoffice" -> "DOC";
            case "application/vnd.oasis.opendocument.text" -> "ODT";
            case "application/rtf" -> "RTF";
            default -> "file (" + mediaType + ")";
        };
    }

    /** A scan: almost no letters overall, or a PDF whose pages average fewer than 100 characters of text layer. */
    private static boolean textLayerMissing(String text, Metadata md) {
        if (letters(text) < MIN_LETTERS) {
            return true;
        }
        String[] perPage = md.getValues("pdf:charsPerPage");
        if (perPage.length == 0) {
            return false;
        }
        long total = 0;
        for (String v : perPage) {
            try {
                total += Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return total / perPage.length < 100;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && n < MIN_LETTERS; i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
