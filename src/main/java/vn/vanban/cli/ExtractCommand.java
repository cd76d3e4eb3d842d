package vn.vanban.cli;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.vanban.analysis.DocumentAnalysis;
import vn.vanban.analysis.Extraction;
import vn.vanban.parse.DocumentParser;
import vn.vanban.parse.ParseFailure;

/**
 * Prints what Vanban extracts from each file, as JSON (one object a line, in the order given), without touching the
 * repository. A file that cannot be read prints {@code {"file": …, "error": …}} on its line, so the lines stay in step
 * with the files, and the exit code is 1.
 */
@Command(name = "extract", description = "Print the metadata, references, deadlines and tasks of each FILE as JSON, one object a line (changes nothing).")
public class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Inject
    DocumentParser parser;
    @Inject
    DocumentAnalysis analysis;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        int status = 0;
        for (Path file : files) {
            byte[] line;
            try {
                line = json.writeValueAsBytes(extract(file));
            } catch (ParseFailure | java.io.IOException e) {
                System.err.println(file + ": " + (e instanceof ParseFailure f
                        ? vn.vanban.ingest.FailureReasons.vietnamese(f.kind().name(), f.getMessage())
                        : "lỗi: " + vn.vanban.cli.CliErrors.explain(e)));
                line = json.writeValueAsBytes(java.util.Map.of("file", file.toString(), "error", String.valueOf(e.getMessage())));
                status = 1;
            }
            System.out.write(line);
            System.out.write("\n".getBytes(StandardCharsets.UTF_8));
            System.out.flush();
        }
        return status;
    }

    private Extraction extract(Path file) throws java.io.IOException, ParseFailure {
        byte[] bytes = Files.readAllBytes(file);
        return Extraction.of(analysis.run(parser.parse(bytes, file.getFileName().toString()).text()));
    }
}
