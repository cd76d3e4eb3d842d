package vn.vanban.citation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.extract.DocumentTypes;
import vn.vanban.extract.MetadataExtractor;
import vn.vanban.normalize.TextNormalizer;
import vn.vanban.parse.DocumentParser;
import vn.vanban.parse.ParseConfig;
import vn.vanban.support.Fixtures;

/**
 * The dev gold set as a regression test, scored with the rules of shared/tools/score.py (references by canonical
 * number and year; cited dates; metadata fields), for the text and office versions of the five documents.
 */
class DevGoldRegressionTest {

    static final DocumentParser PARSER = new DocumentParser(new ParseConfig(10_000_000, false, "vie", 300));
    static final TextNormalizer NORMALIZER = new TextNormalizer();
    static final DocumentTypes TYPES = new DocumentTypes();
    static final MetadataExtractor METADATA = new MetadataExtractor(TYPES);
    static final CitationExtractor CITATIONS = new CitationExtractor(new CitationFinder(TYPES, new Relations()),
            new CitationResolver(TYPES, new Issuers()));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"txt", "docx", "pdf", "odt", "doc", "rtf", "html"})
    void meetsTheTargets(String format) throws Exception {
        int tp = 0;
        int predicted = 0;
        int gold = 0;
        int datesRight = 0;
        int datesGold = 0;
        int metaRight = 0;
        int metaTotal = 0;
        List<String> misses = new ArrayList<>();
        for (Path g : Fixtures.files("gold")) {
            JsonNode goldDoc = new ObjectMapper().readTree(g.toFile());
            String name = goldDoc.get("file").asText().replace(".txt", "");
            Path file = format.equals("txt") ? Fixtures.path("dev/" + name + ".txt")
                    : Fixtures.path("dev-office/" + format + "/" + name + "." + format);
            String text = NORMALIZER.normalize(PARSER.parse(Files.readAllBytes(file), file.getFileName().toString()).text());
            DocumentMetadata meta = METADATA.extract(text);
            List<CitedDocument> refs = CITATIONS.extract(text, meta);
            predicted += refs.size();
            Set<Integer> used = new HashSet<>();
            for (JsonNode r : goldDoc.get("references")) {
                gold++;
                boolean found = false;
                for (int i = 0; i < refs.size(); i++) {
                    CitedDocument p = refs.get(i);
                    if (used.contains(i) || !key(p.number()).equals(key(r.get("number").asText()))) {
                        continue;
                    }
                    if (!r.get("year").isNull() && !Integer.valueOf(r.get("year").asInt()).equals(p.year())) {
                        continue;
                    }
                    used.add(i);
                    tp++;
                    found = true;
                    if (!r.get("date").isNull()) {
                        datesGold++;
                        datesRight += r.get("date").asText().equals(p.date()) ? 1 : 0;
                    }
                    break;
                }
                if (!found) {
                    misses.add(name + ": " + r.get("number").asText());
                }
            }
            JsonNode d = goldDoc.get("document");
            metaTotal += 7;
            metaRight += eq(d.get("number"), meta.number()) + eq(d.get("type"), meta.type()) + eq(d.get("place"), meta.place())
                    + eq(d.get("date"), meta.date()) + eq(d.get("subject"), meta.subject())
                    + (d.get("draft").asBoolean() == meta.draft() ? 1 : 0)
                    + eq(d.get("signer").isNull() ? d.get("signer") : d.get("signer").get("name"), meta.signerName());
        }
        double p = tp / (double) predicted;
        double r = tp / (double) gold;
        double f1 = 2 * p * r / (p + r);
        double dateAcc = datesRight / (double) datesGold;
        double metaAcc = metaRight / (double) metaTotal;
        String report = String.format("%s: refs F1 %.3f (P %.3f R %.3f) dates %.3f meta %.3f misses %s", format, f1, p, r,
                dateAcc, metaAcc, misses);
        System.out.println(report);
        assertTrue(f1 >= 0.97 && dateAcc >= 0.95 && metaAcc >= 0.90, report);
    }

    private static int eq(JsonNode gold, String predicted) {
        if (gold == null || gold.isNull()) {
            return predicted == null || predicted.isEmpty() ? 1 : 0;
        }
        return norm(gold.asText()).equals(norm(predicted)) ? 1 : 0;
    }

    private static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip().toLowerCase();
    }

    private static String key(String number) {
        return Normalizer.normalize(number, Normalizer.Form.NFC).toUpperCase().replaceAll("\\s+", "").replace("Đ", "D");
    }
}
