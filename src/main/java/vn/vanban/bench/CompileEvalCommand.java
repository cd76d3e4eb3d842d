package vn.vanban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.vanban.citation.CitationCompiler;
import vn.vanban.citation.CitationQueries;
import vn.vanban.index.DocumentIndex;
import vn.vanban.ingest.BatchIngest;

/**
 * The "Căn cứ" compiler against lines that documents wrote themselves ({@code src/test/resources/fixtures/compiled-bases.json}):
 * each item names the number as a drafter would type it into the compiler and the line as a document printed it; the
 * compiled line must be the same, word for word (runs of white space aside). Prints every line that differs, beside
 * the printed one, and how many match exactly.
 */
@Command(name = "compile-eval", description = "The Căn cứ compiler against lines documents printed: vanban compile-eval "
        + "--data /tmp/gazette-repo --corpus ../shared/corpus/gazette src/test/resources/fixtures/compiled-bases.json")
public class CompileEvalCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "a repository (embedded database) to compile from; filled from "
            + "--corpus when it holds no documents")
    Path data;

    @Option(names = "--corpus", description = "texts to ingest into an empty --data first")
    Path corpus;

    @Parameters(arity = "1..*", description = "checked lines (JSON: items of file, ref, line)")
    List<Path> sets;

    /** How many of a set's lines the compiler writes exactly as printed. */
    public record Score(int exact, int total) {
        public double share() {
            return total == 0 ? 1 : (double) exact / total;
        }
    }

    @Override
    public Integer call() throws IOException {
        try (ApplicationContext ctx = BenchCommand.context(data)) {
            if (ctx.getBean(DocumentIndex.class).ids().isEmpty()) {
                if (corpus == null) {
                    System.err.println("lỗi: kho " + data + " chưa có văn bản nào: thêm --corpus THƯ_MỤC để nạp trước");
                    return 2;
                }
                List<Path> files;
                try (Stream<Path> s = Files.walk(corpus)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                ctx.getBean(BatchIngest.class).run(files, Runtime.getRuntime().availableProcessors(), false, o -> { });
            }
            CitationCompiler compiler = ctx.getBean(CitationCompiler.class);
            CitationQueries citations = ctx.getBean(CitationQueries.class);
            int exact = 0;
            int total = 0;
            for (Path set : sets) {
                Score s = score(set, compiler, citations, System.out);
                System.out.printf("%s: %d of %d lines exactly as printed (%.3f)%n", set.getFileName(), s.exact(), s.total(),
                        s.share());
                exact += s.exact();
                total += s.total();
            }
            System.out.printf("all sets: %d of %d lines exactly as printed (%.3f)%n", exact, total,
                    total == 0 ? 1.0 : (double) exact / total);
        }
        return 0;
    }

    /** Compiles each line of {@code set} and compares it with the printed one; prints those that differ on {@code out}. */
    public static Score score(Path set, CitationCompiler compiler, CitationQueries citations, PrintStream out)
            throws IOException {
        JsonNode items = new ObjectMapper().readTree(set.toFile()).path("items");
        int exact = 0;
        int total = 0;
        for (JsonNode item : items) {
            total++;
            String printed = spaces(item.path("line").asText());
            String compiled;
            try {
                List<CitationCompiler.Item> lines = compiler.compileWithNotes(List.of(),
                        citations.keys(List.of(item.path("ref").asText()))).items();
                compiled = lines.size() == 1 ? spaces(compiler.text(lines)) : lines.size() + " dòng";
            } catch (IllegalArgumentException e) {
                compiled = e.getMessage();
            }
            if (compiled.equals(printed)) {
                exact++;
            } else {
                out.printf("  %s (%s)%n    printed : %s%n    compiled: %s%n", item.path("ref").asText(),
                        item.path("file").asText(), printed, compiled);
            }
        }
        return new Score(exact, total);
    }

    private static String spaces(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
