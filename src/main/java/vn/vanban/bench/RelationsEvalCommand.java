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
        return 0;
    }

    /** The scores of a run: by relation ("all" first) and the dates. */
    public record Result(Map<String, Score> byRelation, int datesRight, int datesAnnotated) {
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
        DocumentRelations relations = DocumentRelations.standard();
        Map<String, int[]> counts = new LinkedHashMap<>(); // relation -> {hits, predicted, annotated}
        counts.put("all", new int[3]);
        int datesRight = 0;
        int datesAnnotated = 0;
        for (Map<String, Object> doc : (List<Map<String, Object>>) root.get("relations")) {
            String file = (String) doc.get("file");
            DocumentAnalysis.Result a = analysis.run(Files.readString(corpus.resolve(file)));
            Map<String, String> expected = new LinkedHashMap<>(); // "relation KEY" -> effective
            for (Map<String, Object> f : (List<Map<String, Object>>) doc.get("facts")) {
                expected.put(f.get("relation") + " " + DocumentNumbers.canonical(String.valueOf(f.get("target"))),
                        iso(f.get("effective")));
            }
            Map<String, String> found = new LinkedHashMap<>();
            for (DocumentRelations.Fact f : relations.extract(a.normalized(), a.refs(), a.meta())) {
                found.putIfAbsent(f.relation() + " " + DocumentNumbers.canonical(f.target()), f.effective());
            }
            Set<String> all = new LinkedHashSet<>(expected.keySet());
            all.addAll(found.keySet());
            List<String> wrong = new ArrayList<>();
            for (String k : all) {
                String relation = k.substring(0, k.indexOf(' '));
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
        return new Result(scores, datesRight, datesAnnotated);
    }
}
