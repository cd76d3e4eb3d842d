package vn.vanban.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.extract.DocumentTypes;
import vn.vanban.extract.MetadataExtractor;
import vn.vanban.normalize.TextNormalizer;
import vn.vanban.support.Fixtures;

/** The benchmark corpus generator: deterministic from its seed, and its documents read as real ones do. */
class GenerateCommandTest {

    private static final Pattern NUMBER = Pattern.compile("^Số: (\\S+)$", Pattern.MULTILINE);

    private static List<Path> generate(Path out, long seed) throws Exception {
        GenerateCommand g = new GenerateCommand();
        g.sources = List.of(Fixtures.path("dev"), Fixtures.path("gazette"));
        g.out = out;
        g.count = 120;
        g.seed = seed;
        g.normalizer = new TextNormalizer();
        g.metadata = new MetadataExtractor(new DocumentTypes());
        assertEquals(0, g.call());
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherText(@TempDir Path dir) throws Exception {
        List<Path> a = generate(dir.resolve("a"), 7);
        List<Path> b = generate(dir.resolve("b"), 7);
        List<Path> c = generate(dir.resolve("c"), 8);
        assertEquals(120, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getFileName(), b.get(i).getFileName());
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.get(0)), Files.readAllBytes(c.get(0))));
    }

    @Test
    void generatedDocumentsReadAsAdministrativeDocuments(@TempDir Path dir) throws Exception {
        MetadataExtractor extractor = new MetadataExtractor(new DocumentTypes());
        TextNormalizer normalizer = new TextNormalizer();
        java.util.Set<String> provinces = new java.util.HashSet<>();
        for (Path p : generate(dir, 11)) {
            String text = Files.readString(p);
            Matcher m = NUMBER.matcher(text);
            assertTrue(m.find(), p.toString());
            DocumentMetadata meta = extractor.extract(normalizer.normalize(text));
            assertEquals(m.group(1), meta.number(), p.toString());
            assertNotNull(meta.type(), p.toString());
            assertNotNull(meta.date(), p.toString());
            assertNotNull(meta.subject(), p + ":\n" + text.substring(0, Math.min(700, text.length())));
            provinces.add(meta.place());
        }
        assertTrue(provinces.size() > 20, "issuers from many provinces: " + provinces.size());
    }
}
