package vn.vanban.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The worst files an office meets, made on demand and deterministically from a seed: truncated and corrupted
 * DOCX/ODT, encrypted PDF, PDF with a broken cross-reference table, zip bombs, archives nested past any sane depth,
 * a file far over the size limit, contents under the wrong extension, invalid UTF-8, NUL bytes, names with control
 * characters, lines megabytes long, XML entity bombs, random bytes — mixed with good documents made from real text.
 * Each file says what a robust ingest must do with it. The same seed gives the same bytes, except for encrypted
 * PDFs, whose encryption draws a fresh random salt by design.
 */
public final class HostileFiles {

    /** What ingest must do with a file. */
    public enum Expect {
        /** Store it and make it searchable. */
        INGEST,
        /** Refuse it and record why. */
        FAIL,
        /** Either, as long as nothing crashes: a tolerant parser may recover what it can (a broken xref, say). */
        EITHER
    }

    /** One generated file. */
    public record Case(String kind, Expect expect, Path path) {
    }

    /** The kinds made, in the order they repeat. Heavy kinds (bombs, the huge file) come once per hundred files. */
    static final List<String> LIGHT = List.of("good-text", "truncated-docx", "good-docx", "corrupt-docx",
            "encrypted-pdf", "good-text", "truncated-odt", "corrupt-odt", "broken-xref-pdf", "random-bytes",
            "good-docx", "wrong-extension", "invalid-utf8", "nul-bytes", "control-name", "good-text", "long-line",
            "empty", "xml-entity-bomb", "truncated-pdf", "corrupt-doc", "html-script");
    static final List<String> HEAVY = List.of("zip-bomb", "nested-zip", "huge-file", "docx-zip-bomb");

    private final List<String> texts;
    private final byte[] docx;
    private final byte[] odt;
    private final byte[] pdf;
    private final long hugeSize;

    /**
     * @param texts    real document texts to make good files from (and to damage)
     * @param odt      a real ODT file to damage
     * @param hugeSize size of the oversized file, in bytes (sparse on disk)
     */
    public HostileFiles(List<String> texts, byte[] odt, long hugeSize) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to make good files from");
        }
        this.texts = List.copyOf(texts);
        this.odt = odt;
        this.hugeSize = hugeSize;
        this.docx = docx(texts.get(0));
        this.pdf = pdf("Van ban so 1/QD-UBND ve viec thu nghiem");
    }

    /** Writes {@code count} files into {@code dir}, good and bad mixed, and says what each should give. */
    public List<Case> write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = i % 100 == 50 ? HEAVY.get((i / 100) % HEAVY.size()) : LIGHT.get(i % LIGHT.size());
            cases.add(make(dir, i, kind, random));
        }
        return cases;
    }

    private Case make(Path dir, int i, String kind, Random r) throws IOException {
        String base = String.format("%04d-%s", i, kind);
        String text = texts.get(i % texts.size()) + "\n\nBản số " + i + " (" + r.nextLong() + ").\n";
        return switch (kind) {
            case "good-text" -> write(dir, base + ".txt", kind, Expect.INGEST, text.getBytes(StandardCharsets.UTF_8));
            case "good-docx" -> write(dir, base + ".docx", kind, Expect.INGEST, docx(text));
            case "truncated-docx" -> write(dir, base + ".docx", kind, Expect.EITHER, truncated(docx(text), 0.2 + 0.6 * r.nextDouble()));
            case "corrupt-docx" -> write(dir, base + ".docx", kind, Expect.EITHER, corrupted(docx(text), r));
            case "truncated-odt" -> write(dir, base + ".odt", kind, Expect.EITHER, truncated(withComment(odt, i), 0.1 + 0.5 * r.nextDouble()));
            case "corrupt-odt" -> write(dir, base + ".odt", kind, Expect.EITHER, corrupted(withComment(odt, i), r));
            case "encrypted-pdf" -> write(dir, base + ".pdf", kind, Expect.FAIL, encryptedPdf(i));
            case "broken-xref-pdf" -> write(dir, base + ".pdf", kind, Expect.EITHER, brokenXref(pdf("Ban so " + i)));
            case "truncated-pdf" -> write(dir, base + ".pdf", kind, Expect.EITHER, truncated(pdf("Ban so " + i + " " + text.substring(0, 40)), 0.5));
            case "random-bytes" -> write(dir, base + ".pdf", kind, Expect.FAIL, random(4096 + r.nextInt(60_000), r.nextLong()));
            case "wrong-extension" -> write(dir, base + ".pdf", kind, Expect.INGEST, docx(text));
            case "invalid-utf8" -> write(dir, base + ".txt", kind, Expect.INGEST, invalidUtf8(text, r));
            case "nul-bytes" -> write(dir, base + ".txt", kind, Expect.INGEST, withNuls(text, r));
            case "control-name" -> write(dir, String.format("%04d-t\u0001n\u001bh.txt", i), kind, Expect.FAIL,
                    text.getBytes(StandardCharsets.UTF_8));
            case "long-line" -> write(dir, base + ".txt", kind, Expect.INGEST, longLine(text, 3_000_000));
            case "empty" -> write(dir, base + ".docx", kind, Expect.FAIL, new byte[0]);
            case "xml-entity-bomb" -> write(dir, base + ".xml", kind, Expect.EITHER, entityBomb(i));
            case "corrupt-doc" -> write(dir, base + ".doc", kind, Expect.FAIL, oleGarbage(r));
            case "html-script" -> write(dir, base + ".html", kind, Expect.INGEST, html(text, i));
            case "zip-bomb" -> write(dir, base + ".zip", kind, Expect.EITHER, zipBomb(i, 200 << 20));
            case "docx-zip-bomb" -> write(dir, base + ".docx", kind, Expect.FAIL, docxBomb(i, 200 << 20));
            case "nested-zip" -> write(dir, base + ".zip", kind, Expect.EITHER, nestedZip(text, 40));
            case "huge-file" -> {
                Path p = dir.resolve(base + ".pdf");
                try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                    f.setLength(hugeSize); // sparse: costs no disk
                }
                yield new Case(kind, Expect.FAIL, p);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Case write(Path dir, String name, String kind, Expect expect, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return new Case(kind, expect, p);
    }

    /** A DOCX holding {@code text}, one paragraph per line. */
    public static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(FIXED_TIME));
            doc.write(out);
            return stableZip(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Date FIXED_TIME = new java.util.Date(1_700_000_000_000L);

    /** A zip entry stamped {@link #FIXED_TIME}, so that the archive's bytes depend on its contents only. */
    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(FIXED_TIME.getTime());
        return e;
    }

    /** The same archive with every entry stamped {@link #FIXED_TIME}, so that equal contents give equal bytes. */
    private static byte[] stableZip(byte[] zip) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ZipEntry copy = entry(e.getName());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        }
    }

    /** A one-page PDF with {@code ascii} as its text layer. */
    public static byte[] pdf(String ascii) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                cs.newLineAtOffset(50, 700);
                cs.showText(ascii.replaceAll("[^\\x20-\\x7e]", "?"));
                cs.endText();
            }
            // a fixed file identifier: PDFBox would otherwise derive one from the clock
            org.apache.pdfbox.cos.COSString id = new org.apache.pdfbox.cos.COSString(java.util.Arrays.copyOf(ascii.getBytes(StandardCharsets.UTF_8), 16));
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(id);
            ids.add(id);
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that needs a user password to open; {@code n} varies its bytes. */
    public static byte[] encryptedPdf(int n) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setTitle("secret " + n);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code fraction} of {@code bytes}, as a download cut short leaves it. */
    public static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    /** {@code n} random bytes from {@code seed}. */
    public static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** {@code bytes} with a run of bytes overwritten with garbage somewhere past the first 64. */
    static byte[] corrupted(byte[] bytes, Random r) {
        byte[] b = bytes.clone();
        int at = 64 + r.nextInt(Math.max(1, b.length - 128));
        for (int k = 0; k < 256 && at + k < b.length; k++) {
            b[at + k] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** A zip (ODT/DOCX) with a unique trailing comment, so that each copy has its own hash. */
    static byte[] withComment(byte[] zip, int n) {
        // the comment length field is the last two bytes of an archive without a comment
        byte[] comment = ("copy " + n).getBytes(StandardCharsets.US_ASCII);
        byte[] b = Arrays.copyOf(zip, zip.length + comment.length);
        b[zip.length - 2] = (byte) comment.length;
        b[zip.length - 1] = 0;
        System.arraycopy(comment, 0, b, zip.length, comment.length);
        return b;
    }

    /** A PDF whose cross-reference offsets all point to the wrong place. */
    static byte[] brokenXref(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int xref = s.lastIndexOf("xref");
        if (xref < 0) {
            return pdf;
        }
        StringBuilder b = new StringBuilder(s.substring(0, xref));
        String tail = s.substring(xref).replaceAll("\\d{10} 00000 n", "0000000007 00000 n");
        tail = tail.replaceAll("startxref\\s+\\d+", "startxref\n999999");
        return b.append(tail).toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] invalidUtf8(String text, Random r) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length + 64);
        for (int k = 0; k < t.length; k++) {
            out.write(t[k]);
            if (k % 997 == 500) {
                out.write(0xC3); // a lead byte with no continuation
                out.write(0x28);
                out.write(0xFF);
            }
        }
        return out.toByteArray();
    }

    static byte[] withNuls(String text, Random r) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length + 64);
        for (int k = 0; k < t.length; k++) {
            out.write(t[k]);
            if (t[k] == ' ' && r.nextInt(40) == 0) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /** {@code text} with its line breaks removed and repeated to {@code chars} characters: one enormous line. */
    static byte[] longLine(String text, int chars) {
        String flat = text.replace('\n', ' ');
        StringBuilder b = new StringBuilder(chars + flat.length());
        while (b.length() < chars) {
            b.append(flat).append(' ');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] entityBomb(int n) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol" + n + "\">\n");
        for (int k = 1; k <= 9; k++) {
            b.append("<!ENTITY lol").append(k).append(" \"");
            for (int j = 0; j < 10; j++) {
                b.append("&lol").append(k == 1 ? "" : String.valueOf(k - 1)).append(';');
            }
            b.append("\">\n");
        }
        b.append("]>\n<lolz>&lol9;</lolz>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The OLE2 signature followed by garbage: a .doc that is not one. */
    static byte[] oleGarbage(Random r) {
        byte[] b = random(8192, r.nextLong());
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    static byte[] html(String text, int n) {
        String body = text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>\n");
        return ("<html><head><title>t" + n + "</title><script>alert('x" + n + "')</script></head><body>"
                + "<img src=x onerror=\"alert(1)\">" + body + "<iframe src=\"javascript:alert(2)\"></iframe></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A small zip that inflates to {@code size} bytes of zeros. */
    static byte[] zipBomb(int n, int size) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setComment("bomb " + n);
            zip.putNextEntry(entry("zeros-" + n + ".txt"));
            byte[] chunk = new byte[1 << 20];
            for (int k = 0; k < size; k += chunk.length) {
                zip.write(chunk);
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX whose body inflates to {@code size} bytes of markup. */
    static byte[] docxBomb(int n, int size) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setComment("bomb " + n);
            zip.putNextEntry(entry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(entry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(entry("word/document.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k < size; k += chunk.length) {
                zip.write(chunk);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip holding a zip holding a zip … {@code depth} deep, with {@code text} at the bottom. */
    static byte[] nestedZip(String text, int depth) {
        byte[] inner = text.getBytes(StandardCharsets.UTF_8);
        String name = "van-ban.txt";
        for (int d = 0; d < depth; d++) {
            try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(entry(name));
                zip.write(inner);
                zip.closeEntry();
                zip.finish();
                inner = bytes.toByteArray();
                name = "level-" + d + ".zip";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inner;
    }
}
