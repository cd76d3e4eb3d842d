package vn.vanban.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.vanban.citation.CitedDocument;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.parse.DocumentParser;
import vn.vanban.parse.ParseConfig;
import vn.vanban.support.Fixtures;

/**
 * The web gold set (central documents and letters as web copies lay them out) and our own local gold set (metadata
 * of provincial plans, directives and letters in markdown, DOCX, DOC and PDF; references of seven) as regression tests, scored as
 * shared/tools/score.py scores them: metadata fields (number, type, place, date, subject, draft, signer's name) and,
 * where annotated, references by canonical number and year.
 */
class GoldSetsTest {

    static final DocumentParser PARSER = new DocumentParser(new ParseConfig(10_000_000, false, "vie", 300));
    static final DocumentAnalysis ANALYSIS = DocumentAnalysis.standalone();
    static final String[] FIELDS = {"number", "type", "place", "date", "effective", "subject", "draft", "signer"};

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gold-web, web, 0.95, 0.90, 0.85, 0.90", "gold-local, local, 0.95, 0.90, 0.85, 0.85"})
    void metadataAndReferencesHold(String goldDir, String corpusDir, double metaTarget, double refsTarget,
            double tasksTarget, double deadlinesTarget) throws Exception {
        int right = 0;
        int total = 0;
        int[] refs = new int[3]; // matched, predicted, gold
        int[] tasks = new int[3];
        int[] deadlines = new int[3];
        List<String> misses = new ArrayList<>();
        for (Path g : Fixtures.files(goldDir)) {
            if (!g.toString().endsWith(".json")) {
                continue;
            }
            JsonNode gold = new ObjectMapper().readTree(g.toFile());
            Path file = Fixtures.path(corpusDir + "/" + gold.get("file").asText());
            DocumentAnalysis.Result r = ANALYSIS.run(PARSER.parse(Files.readAllBytes(file), file.getFileName().toString()).text());
            DocumentMetadata m = r.meta();
            JsonNode d = gold.get("document");
            for (String f : FIELDS) {
                if (!d.has(f)) {
                    continue;
                }
                total++;
                boolean ok = switch (f) {
                    case "number" -> key(text(d.get(f))).equals(key(m.number()));
                    case "draft" -> d.get(f).asBoolean() == m.draft();
                    case "signer" -> same(d.get(f).isNull() ? null : d.get(f).get("name").asText(), m.signerName());
                    case "type" -> same(text(d.get(f)), m.type());
                    case "place" -> same(text(d.get(f)), m.place());
                    case "date" -> same(text(d.get(f)), m.date());
                    case "effective" -> same(text(d.get(f)), m.effective());
                    default -> same(text(d.get(f)), m.subject());
                };
                right += ok ? 1 : 0;
                if (!ok) {
                    misses.add(gold.get("file").asText() + " " + f);
                }
            }
            if (gold.hasNonNull("tasks")) {
                // as score.py: a predicted task (bullet stripped) that starts with the gold's first words
                List<String> predicted = new ArrayList<>(r.work().tasks().stream().map(t -> norm(unbulleted(t.text()))).toList());
                tasks[1] += predicted.size();
                for (JsonNode gt : gold.get("tasks")) {
                    tasks[2]++;
                    String start = norm(gt.get("text_start").asText());
                    int at = predicted.indexOf(predicted.stream().filter(t -> t.startsWith(start)).findFirst().orElse(null));
                    if (at >= 0) {
                        predicted.remove(at);
                        tasks[0]++;
                    }
                }
            }
            if (gold.hasNonNull("deadlines")) {
                List<String> due = new ArrayList<>(r.work().deadlines().stream().map(dl -> String.valueOf(dl.due())).toList());
                deadlines[1] += due.size();
                for (JsonNode gd : gold.get("deadlines")) {
                    deadlines[2]++;
                    if (due.remove(gd.get("due").asText())) {
                        deadlines[0]++;
                    }
                }
            }
            if (gold.hasNonNull("references")) {
                refs[1] += r.refs().size();
                Set<Integer> used = new HashSet<>();
                for (JsonNode gr : gold.get("references")) {
                    refs[2]++;
                    for (int i = 0; i < r.refs().size(); i++) {
                        CitedDocument p = r.refs().get(i);
                        if (!used.contains(i) && key(p.number()).equals(key(gr.get("number").asText()))
                                && (gr.get("year").isNull() || Integer.valueOf(gr.get("year").asInt()).equals(p.year()))) {
                            used.add(i);
                            refs[0]++;
                            break;
                        }
                    }
                }
            }
        }
        double meta = right / (double) total;
        double p = refs[1] == 0 ? 1 : refs[0] / (double) refs[1];
        double rc = refs[2] == 0 ? 1 : refs[0] / (double) refs[2];
        double f1 = p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
        String report = String.format("%s: metadata %.3f (%d/%d), references F1 %.3f, tasks F1 %.3f %s, deadlines F1 %.3f %s;"
                + " missed %s", goldDir, meta, right, total, f1, f1(tasks), Arrays.toString(tasks), f1(deadlines),
                Arrays.toString(deadlines), misses);
        System.out.println(report);
        assertTrue(meta >= metaTarget, report);
        assertTrue(f1 >= refsTarget, report);
        assertTrue(f1(tasks) >= tasksTarget, report);
        assertTrue(f1(deadlines) >= deadlinesTarget, report);
    }

    /** F1 of {matched, predicted, gold}. */
    private static double f1(int[] counts) {
        double p = counts[1] == 0 ? 1 : counts[0] / (double) counts[1];
        double r = counts[2] == 0 ? 1 : counts[0] / (double) counts[2];
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** A task's text without its bullet or numbering, as score.py strips it ("- ", "1. ", "a) "). */
    private static String unbulleted(String s) {
        return s.matches("^\\s*([-–+•*]|\\d+[.)]|[a-zđ]\\)).*") ? s.replaceFirst("^[\\s\\-–+•*\\d.)a-zđ]{0,6}[.)\\-–]\\s+", "") : s;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static boolean same(String gold, String predicted) {
        return norm(gold).equals(norm(predicted));
    }

    private static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static String key(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).replaceAll("\\s+", "")
                .replace('Đ', 'D');
    }
}
