package vn.vanban.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.vanban.extract.DocumentTypes;

/** Every example in every pattern table is recognized, and no counterexample is. */
class PatternTablesTest {

    /** {@code text} with each of the entry's matches replaced by "#". */
    private static String replaceAll(NoisePatterns.Entry e, String text) {
        java.util.List<int[]> found = new java.util.ArrayList<>();
        e.matches(text, found);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int[] r : found) {
            out.append(text, copied, r[0]).append('#');
            copied = r[1];
        }
        return out.append(text, copied, text.length()).toString();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"page-noise.yml", "portal-prefixes.yml"})
    void pageNoiseExamples(String file) {
        NoisePatterns table = NoisePatterns.load("/vanban/normalize/" + file);
        assertFalse(table.entries().isEmpty());
        for (NoisePatterns.Entry e : table.entries()) {
            assertFalse(e.examples().isEmpty(), e.name() + " has examples");
            for (String ex : e.examples()) {
                assertTrue(e.pattern().matcher(ex).find(), e.name() + " matches [" + ex + "]");
                assertTrue(e.mayMatch(ex), e.name() + " literal is in [" + ex + "]");
                // the literal-anchored replacement finds what the pattern finds over the whole text
                String page = "Điều 1. Phạm vi\nnội dung một\n" + ex + "\nnội dung hai\n\n" + ex + "\ncuối";
                assertEquals(e.pattern().matcher(page).replaceAll("#"), replaceAll(e, page), e.name() + " in [" + page + "]");
                assertEquals(e.pattern().matcher(ex).replaceAll("#"), replaceAll(e, ex), e.name());
            }
            for (String ex : e.counterexamples()) {
                assertFalse(e.pattern().matcher(ex).find(), e.name() + " does not match [" + ex + "]");
            }
        }
    }

    @Test
    void documentTypeExamples() {
        DocumentTypes types = new DocumentTypes();
        for (DocumentTypes.Type t : types.all()) {
            assertFalse(t.examples().isEmpty(), t.name() + " has examples");
            for (String ex : t.examples()) {
                assertEquals(t.name(), types.byName(ex).name(), "[" + ex + "]");
            }
            for (String code : t.codes()) {
                assertNotNull(types.byCode(code), code);
            }
        }
    }

    @Test
    void abbreviationExamplesContainTheirExpansion() {
        for (var e : vn.vanban.search.Abbreviations.load().entries()) {
            assertTrue(vn.vanban.normalize.Folding.fold(e.example()).contains(vn.vanban.normalize.Folding.fold(e.expansion())),
                    e.abbr() + ": [" + e.example() + "]");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void legacyEncodingTableIsComplete() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/vanban/normalize/legacy-encodings.yml")) {
            List<List<String>> rows = new Yaml().load(in);
            assertEquals(134, rows.size(), "all Vietnamese letters with diacritics, both cases");
            for (List<String> r : rows) {
                assertEquals(3, r.size(), r.toString());
            }
        }
    }
}
