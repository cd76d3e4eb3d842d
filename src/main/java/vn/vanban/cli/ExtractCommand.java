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
import vn.vanban.citation.CitationExtractor;
import vn.vanban.extract.Extraction;
import vn.vanban.extract.MetadataExtractor;
import vn.vanban.normalize.TextNormalizer;
import vn.vanban.parse.DocumentParser;
import vn.vanban.parse.ParseFailure;

/** Prints what Vanban extracts from one file, as JSON, without touching the repository. */
@Command(name = "extract", description = "Print the metadata, references, deadlines and tasks of FILE as JSON (changes nothing).")
public class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Inject
    DocumentParser parser;
    @Inject
    TextNormalizer normalizer;
    @Inject
    MetadataExtractor metadata;
    @Inject
    CitationExtractor citations;
    @Inject
    vn.vanban.deadline.DeadlineExtractor deadlines;
    @Inject
    vn.vanban.deadline.TaskExtractor tasks;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = parser.parse(bytes, file.getFileName().toString()).text();
        } catch (ParseFailure e) {
            System.err.println(file + ": " + e.getMessage());
            return 1;
        }
        String normalized = normalizer.normalize(text);
        var meta = metadata.extract(normalized);
        var refs = citations.extract(normalized, meta);
        Extraction out = new Extraction(Extraction.doc(meta), Extraction.references(refs),
                Extraction.deadlines(deadlines.extract(normalized, meta.date(), refs)),
                Extraction.tasks(tasks.extract(normalized, meta.subject(), meta.date())));
        System.out.write(json.writeValueAsBytes(out));
        System.out.write("\n".getBytes(StandardCharsets.UTF_8));
        System.out.flush();
        return 0;
    }
}
