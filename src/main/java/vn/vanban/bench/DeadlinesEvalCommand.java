package vn.vanban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.vanban.analysis.DocumentAnalysis;
import vn.vanban.deadline.Deadline;

/**
 * Deadline precision against samples judged by hand ({@code src/test/resources/fixtures/gazette-deadlines-judged*.json}):
 * each sampled file is analyzed as ingest analyzes it; a judged deadline still found (same file, due date, expression and
 * first words of its sentence) counts as right or wrong as judged; one no longer found counts for neither. Prints, per
 * sample, right, wrong, precision and how many judged deadlines are no longer found, and every wrong one still found.
 * New deadlines that no sample judged are not scored: draw a new sample for them.
 */
@Command(name = "deadlines-eval", description = "Deadline precision on hand-judged samples: vanban deadlines-eval --corpus "
        + "../shared/corpus/gazette src/test/resources/fixtures/gazette-deadlines-judged*.json")
public class DeadlinesEvalCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, description = "the folder under which the judged file names are found")
    Path corpus;

    @Parameters(arity = "1..*", description = "judged samples (JSON: items of file, due, expression, what, correct)")
    List<Path> samples;

    /** The score of one sample: judged deadlines still found right and wrong, and those no longer found. */
    public record Score(int right, int wrong, int gone) {
        public double precision() {
            return right + wrong == 0 ? 1 : (double) right / (right + wrong);
        }
    }

    @Override
    public Integer call() throws IOException {
        Map<String, Path> files = index(corpus);
        DocumentAnalysis analysis = DocumentAnalysis.standalone();
        Map<String, List<Deadline>> found = new HashMap<>();
        int right = 0;
        int wrong = 0;
        for (Path sample : samples) {
            Score s = score(sample, files, analysis, found, System.out);
            System.out.printf("%s: %d right, %d wrong, precision %.3f; %d judged no longer found%n", sample.getFileName(),
                    s.right(), s.wrong(), s.precision(), s.gone());
            right += s.right();
            wrong += s.wrong();
        }
        System.out.printf("all samples: %d right, %d wrong, precision %.3f%n", right, wrong,
                right + wrong == 0 ? 1.0 : (double) right / (right + wrong));
        return 0;
    }

    /** Every file under {@code corpus} by its name. */
    static Map<String, Path> index(Path corpus) throws IOException {
        Map<String, Path> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.putIfAbsent(p.getFileName().toString(), p));
        }
        return files;
    }

    /** Scores one judged sample; the wrong deadlines still found go to {@code out}. */
    static Score score(Path sample, Map<String, Path> files, DocumentAnalysis analysis, Map<String, List<Deadline>> found,
                       PrintStream out) throws IOException {
        JsonNode items = new ObjectMapper().readTree(sample.toFile()).get("items");
        int right = 0;
        int wrong = 0;
        int gone = 0;
        for (JsonNode item : items) {
            String file = item.get("file").asText();
            Path path = files.get(file);
            if (path == null) {
                throw new IOException("not under the corpus: " + file);
            }
            List<Deadline> deadlines = found.computeIfAbsent(file, f -> {
                try {
                    return analysis.run(Files.readString(path)).work().deadlines();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String due = item.get("due").asText();
            String expression = item.get("expression").asText();
            String what = first50(item.get("what").asText());
            boolean still = deadlines.stream().anyMatch(d -> d.due().equals(due) && d.expression() != null
                    && d.expression().contains(expression) && first50(d.what()).equals(what));
            if (!still) {
                gone++;
            } else if (item.get("correct").asBoolean()) {
                right++;
            } else {
                wrong++;
                out.println("  wrong, still found: " + file + " " + due + " [" + expression + "] " + what);
            }
        }
        return new Score(right, wrong, gone);
    }

    private static String first50(String s) {
        return s == null ? "" : s.length() > 50 ? s.substring(0, 50) : s;
    }
}
