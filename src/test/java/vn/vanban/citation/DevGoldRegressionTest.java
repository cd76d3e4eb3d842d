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
import vn.vanban.analysis.DocumentAnalysis;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.parse.DocumentParser;
import vn.vanban.parse.ParseConfig;
import vn.vanban.support.Fixtures;

/**
 * The dev gold set as a regression test, scored with the rules of shared/tools/score.py (references by canonical
 * number and year; cited dates; metadata fields), for the text and office versions of the five documents.
 */
class DevGoldRegressionTest {

    static final DocumentParser PARSER = new DocumentParser(new ParseConfig(10_000_000, false, "vie", 300));
    static final DocumentAnalysis ANALYSIS = DocumentAnalysis.standalone();

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
        int[] dl = new int[3]; // matched, predicted, gold
        int[] rr = new int[2];
        int[] tk = new int[3];
        int[] per = new int[2];
        for (Path g : Fixtures.files("gold")) {
            JsonNode goldDoc = new ObjectMapper().readTree(g.toFile());
            String name = goldDoc.get("file").asText().replace(".txt", "");
            Path file = format.equals("txt") ? Fixtures.path("dev/" + name + ".txt")
                    : Fixtures.path("dev-office/" + format + "/" + name + "." + format);
            DocumentAnalysis.Result analyzed = ANALYSIS.run(PARSER.parse(Files.readAllBytes(file), file.getFileName().toString()).text());
            DocumentMetadata meta = analyzed.meta();
            List<CitedDocument> refs = analyzed.refs();
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
            var deadlines = analyzed.work().deadlines();
            dl[1] += deadlines.size();
            Set<Integer> usedD = new HashSet<>();
            for (JsonNode gd : goldDoc.get("deadlines")) {
                dl[2]++;
                for (int i = 0; i < deadlines.size(); i++) {
                    if (!usedD.contains(i) && deadlines.get(i).due().equals(gd.get("due").asText())) {
                        usedD.add(i);
                        dl[0]++;
                        if (gd.has("rrule")) {
                            rr[1]++;
                            rr[0] += gd.get("rrule").asText().equalsIgnoreCase(String.valueOf(deadlines.get(i).rrule())) ? 1 : 0;
                        }
                        break;
                    }
                }
            }
            var tasks = analyzed.work().tasks();
            tk[1] += tasks.size();
            Set<Integer> usedT = new HashSet<>();
            for (JsonNode gt : goldDoc.get("tasks")) {
                tk[2]++;
                String start = norm(gt.get("text_start").asText());
                for (int i = 0; i < tasks.size(); i++) {
                    if (!usedT.contains(i) && norm(tasks.get(i).text()).startsWith(start)) {
                        usedT.add(i);
                        tk[0]++;
                        per[1]++;
                        per[0] += gt.get("period").asText().equals(tasks.get(i).period()) ? 1 : 0;
                        break;
                    }
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
        double dlF1 = f1(dl);
        double tkF1 = f1(tk);
        double rrAcc = rr[0] / (double) rr[1];
        double perAcc = per[0] / (double) per[1];
        String report = String.format("%s: refs F1 %.3f (P %.3f R %.3f) dates %.3f meta %.3f; deadlines F1 %.3f rrule %.3f; "
                + "tasks F1 %.3f period %.3f; missed refs %s", format, f1, p, r, dateAcc, metaAcc, dlF1, rrAcc, tkF1, perAcc, misses);
        System.out.println(report);
        assertTrue(f1 >= 0.97 && dateAcc >= 0.95 && metaAcc >= 0.90, report);
        assertTrue(dlF1 >= 0.95 && rrAcc >= 0.90, report);
        assertTrue(tkF1 >= 0.90 && perAcc >= 0.95, report);
    }

    private static double f1(int[] c) {
        double p = c[1] == 0 ? (c[2] == 0 ? 1 : 0) : c[0] / (double) c[1];
        double r = c[2] == 0 ? 1 : c[0] / (double) c[2];
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
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
