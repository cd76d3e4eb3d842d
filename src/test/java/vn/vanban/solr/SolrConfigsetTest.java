package vn.vanban.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import vn.vanban.normalize.ToneNormalizer;

/** The configset's files, without a Solr: what the schema names is shipped, the tone mapping agrees with Vanban's. */
class SolrConfigsetTest {

    @Test
    void theZipHoldsEveryFileTheSchemaNames() throws IOException {
        Set<String> zipped = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SolrCollections.configsetZip()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                zipped.add(e.getName());
            }
        }
        assertEquals(Set.copyOf(SolrCollections.CONFIGSET_FILES), zipped);
        String schema = resource("schema.xml");
        Matcher m = Pattern.compile("(?:words|dictionary|synonyms)=\"([^\"]+)\"").matcher(schema);
        int named = 0;
        while (m.find()) {
            assertTrue(zipped.contains(m.group(1)), "schema names " + m.group(1) + ", not in the configset");
            named++;
        }
        assertTrue(named >= 2);
    }

    @Test
    void everyLineOfTheTonePlacementTableIsWhatVanbansNormalizerMakesOfIt() throws IOException {
        int lines = 0;
        for (String line : resource("tone-placement.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            assertEquals(2, cols.length, line);
            assertEquals(cols[1], ToneNormalizer.normalize(cols[0]), line);
            assertEquals(cols[1], ToneNormalizer.normalize(cols[1]), "the classic spelling stays: " + line);
            lines++;
        }
        assertTrue(lines > 1000, "lines: " + lines);
        // the spellings of the old placement that the issue names are among them
        assertTrue(resource("tone-placement.txt").contains("hoà\thòa\n"));
        assertTrue(resource("tone-placement.txt").contains("thuỷ\tthủy\n"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SolrConfigsetTest.class.getResourceAsStream("/solr/vanban/conf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
