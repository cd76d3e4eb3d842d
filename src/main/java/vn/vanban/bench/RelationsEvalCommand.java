package vn.vanban.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.analysis.DocumentAnalysis;
import vn.vanban.citation.DocumentRelations;
import vn.vanban.extract.DocumentNumbers;

/**
 * Relations between documents against a hand-annotated set ({@code src/test/resources/fixtures/relations/gazette.yml}
 * format): each annotated file is analyzed as ingest analyzes it and its relations compared with the annotation, as
 * (relation, target) pairs; prints precision, recall and F1 overall and by relation, how many ending relations carry
 * the annotated date, and every miss and extra.
 */
@Command(name = "relations-eval", description = "Relations between documents against annotated ones: vanban relations-eval "
        + "--gold src/test/resources/fixtures/relations/gazette.yml --corpus ../shared/corpus/gazette")
public class RelationsEvalCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, description = "the annotated relations (YAML)")
    Path gold;

    @Option(names = "--corpus", required = true, description = "the folder the annotated file names are relative to")
    Path corpus;

    /** Precision, recall and F1 of one relation (or all): counts of true positives, predictions and annotations. */
    public record Score(int hits, int predicted, int annotated) {
        public double precision() {
            return predicted == 0 ? 1 : (double) hits / predicted;
        }

        public double recall() {
            return annotated == 0 ? 1 : (double) hits / annotated;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    @Override
    public Integer call() throws IOException {
        Result r = evaluate(gold, corpus, System.out);
        System.out.printf("%-13s %5s %5s %5s %9s %6s %6s%n", "relation", "hits", "pred", "gold", "precision", "recall", "F1");
        r.byRelation().forEach((name, s) -> System.out.printf("%-13s %5d %5d %5d %9.3f %6.3f %6.3f%n", name, s.hits(),
                s.predicted(), s.annotated(), s.precision(), s.recall(), s.f1()));
        System.out.printf("effective dates of the ending relations found: %d/%d right%n", r.datesRight(), r.datesAnnotated());
        System.out.printf("validity statuses (from every document under --corpus): %d/%d right, accuracy %.3f%n",
                r.statusesRight(), r.statusesAnnotated(), r.statusAccuracy());
        return 0;
    }

    /** The scores of a run: by relation ("all" first, declared facts of published lists apart), the dates, the statuses. */
    public record Result(Map<String, Score> byRelation, int datesRight, int datesAnnotated, int statusesRight,
                         int statusesAnnotated) {

        public double statusAccuracy() {
            return statusesAnnotated == 0 ? 1 : (double) statusesRight / statusesAnnotated;
        }
    }

    /** A YAML date (read as a {@link java.util.Date} at midnight UTC) or string as ISO; null stays null. */
    static String iso(Object value) {
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        return value == null ? null : String.valueOf(value);
    }

    /** Analyzes each annotated file under {@code corpus} and scores its relations; misses and extras go to {@code out}. */
    @SuppressWarnings("unchecked")
    public static Result evaluate(Path gold, Path corpus, java.io.PrintStream out) throws IOException {
        Map<String, Object> root;
        try (InputStream in = Files.newInputStream(gold)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        DocumentAnalysis analysis = DocumentAnalysis.standalone();
        Map<String, int[]> counts = new LinkedHashMap<>(); // relation -> {hits, predicted, annotated}
        counts.put("all", new int[3]);
        int datesRight = 0;
        int datesAnnotated = 0;
        Map<Path, Held> analyzed = new java.util.HashMap<>();
        for (Map<String, Object> doc : (List<Map<String, Object>>) root.get("relations")) {
            String file = (String) doc.get("file");
            DocumentAnalysis.Result a = analysis.run(Files.readString(corpus.resolve(file)));
            Map<String, String> expected = new LinkedHashMap<>(); // "relation KEY[ by KEY]" -> effective
            for (String part : List.of("facts", "declared")) {
                for (Map<String, Object> f : (List<Map<String, Object>>) doc.getOrDefault(part, List.of())) {
                    expected.put(key(String.valueOf(f.get("relation")), String.valueOf(f.get("target")),
                            f.get("by") == null ? null : String.valueOf(f.get("by"))), iso(f.get("effective")));
                }
            }
            Map<String, String> found = new LinkedHashMap<>();
            List<DocumentRelations.Fact> facts = a.relations(); // the analysis reads them, as ingest does
            analyzed.put(corpus.resolve(file).toAbsolutePath().normalize(), new Held(a, facts));
            for (DocumentRelations.Fact f : facts) {
                found.putIfAbsent(key(f.relation(), f.target(), f.by()), f.effective());
            }
            Set<String> all = new LinkedHashSet<>(expected.keySet());
            all.addAll(found.keySet());
            List<String> wrong = new ArrayList<>();
            for (String k : all) {
                String relation = k.contains(" by ") ? "declared" : k.substring(0, k.indexOf(' '));
                int[] c = counts.computeIfAbsent(relation, x -> new int[3]);
                boolean hit = expected.containsKey(k) && found.containsKey(k);
                for (int[] x : List.of(c, counts.get("all"))) {
                    x[0] += hit ? 1 : 0;
                    x[1] += found.containsKey(k) ? 1 : 0;
                    x[2] += expected.containsKey(k) ? 1 : 0;
                }
                if (!hit) {
                    wrong.add((expected.containsKey(k) ? "missed " : "extra  ") + k);
                } else if (expected.get(k) != null) {
                    datesAnnotated++;
                    if (expected.get(k).equals(found.get(k))) {
                        datesRight++;
                    } else {
                        wrong.add("date   " + k + ": " + found.get(k) + ", annotated " + expected.get(k));
                    }
                }
            }
            if (!wrong.isEmpty()) {
                out.println(file);
                wrong.forEach(w -> out.println("  " + w));
            }
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        counts.forEach((k, c) -> scores.put(k, new Score(c[0], c[1], c[2])));
        int[] statuses = statuses(root, corpus, analysis, analyzed, out);
        return new Result(scores, datesRight, datesAnnotated, statuses[0], statuses[1]);
    }

    /** One analyzed document of the corpus and the relations it states. */
    private record Held(DocumentAnalysis.Result analysis, List<DocumentRelations.Fact> facts) {
    }

    private static String key(String relation, String target, String by) {
        return relation + " " + DocumentNumbers.canonical(target) + (by == null ? "" : " by " + DocumentNumbers.canonical(by));
    }

    /**
     * The annotated statuses against those derived, on the annotation's day, from every document under {@code corpus}
     * (as the repository would hold them); {right, annotated}. Mismatches go to {@code out}.
     */
    @SuppressWarnings("unchecked")
    private static int[] statuses(Map<String, Object> root, Path corpus, DocumentAnalysis analysis,
                                  Map<Path, Held> analyzed, java.io.PrintStream out)
            throws IOException {
        List<Map<String, Object>> annotated = (List<Map<String, Object>>) root.getOrDefault("statuses", List.of());
        if (annotated.isEmpty()) {
            return new int[2];
        }
        java.time.LocalDate day = java.time.LocalDate.parse(iso(root.get("as_of")));
        List<Path> files;
        try (var walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, String> inForce = new LinkedHashMap<>(); // canonical number of a held document -> in force from
        Map<String, List<vn.vanban.citation.Validity.Change>> changes = new LinkedHashMap<>();
        for (Path f : files) {
            Held h = analyzed.get(f.toAbsolutePath().normalize());
            if (h == null) {
                DocumentAnalysis.Result a = analysis.run(Files.readString(f));
                h = new Held(a, a.relations());
            }
            var meta = h.analysis().meta();
            if (meta.number() != null) {
                inForce.putIfAbsent(DocumentNumbers.canonical(meta.number()),
                        DocumentRelations.inForce(h.analysis().normalized(), meta));
            }
            for (DocumentRelations.Fact fact : h.facts()) {
                String by = fact.by() != null ? fact.by() : meta.number();
                changes.computeIfAbsent(DocumentNumbers.canonical(fact.target()), k -> new ArrayList<>())
                        .add(new vn.vanban.citation.Validity.Change(fact.relation(), fact.articles(), fact.effective(), by));
            }
        }
        int right = 0;
        for (Map<String, Object> s : annotated) {
            String number = DocumentNumbers.canonical(String.valueOf(s.get("number")));
            var v = vn.vanban.citation.Validity.of(inForce.containsKey(number), inForce.get(number),
                    changes.getOrDefault(number, List.of()), day);
            boolean ok = v.status().equals(s.get("status"));
            right += ok ? 1 : 0;
            String since = iso(s.get("since"));
            String by = s.get("by") == null ? null : DocumentNumbers.canonical(String.valueOf(s.get("by")));
            boolean detail = since == null || since.equals(v.since()) && by != null && v.by() != null
                    && by.equals(DocumentNumbers.canonical(v.by()));
            if (!ok || !detail) {
                out.println("status " + s.get("number") + ": " + v.status() + " since " + v.since() + " by " + v.by()
                        + ", annotated " + s.get("status") + (since == null ? "" : " since " + since + " by " + s.get("by")));
            }
        }
        return new int[] {right, annotated.size()};
    }
}
