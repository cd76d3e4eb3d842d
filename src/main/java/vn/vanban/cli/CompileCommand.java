package vn.vanban.cli;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.citation.CitationCompiler;

/** Writes the "Căn cứ …" block for held documents and cited documents, ordered by legal rank then date. */
@Command(name = "compile", description = "Compile a \"Căn cứ\" list: vanban compile --doc 12 --key '2099/QĐ-UBND|2018|bac kan' "
        + "[--format text|markdown|docx|csv|json] [-o FILE]")
public class CompileCommand implements Callable<Integer> {

    @Option(names = "--doc", description = "id of a held document (repeatable)")
    List<Long> documents = new ArrayList<>();

    @Option(names = "--key", description = "citation key of a cited document, as /api/citations shows it (repeatable)")
    List<String> keys = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text (default), markdown, docx, csv or json")
    String format;

    @Option(names = {"-o", "--output"}, description = "file to write (required for docx; else standard output)")
    Path output;

    @Inject
    CitationCompiler compiler;

    @Override
    public Integer call() throws Exception {
        CitationCompiler.Format f = CitationCompiler.Format.parse(format);
        if (f == CitationCompiler.Format.DOCX && output == null) {
            System.err.println("error: docx needs -o FILE");
            return 2;
        }
        List<CitationCompiler.Item> items = compiler.compile(documents, keys);
        byte[] bytes = switch (f) {
            case TEXT -> compiler.text(items).getBytes(StandardCharsets.UTF_8);
            case MARKDOWN -> compiler.markdown(items).getBytes(StandardCharsets.UTF_8);
            case CSV -> compiler.csv(items).getBytes(StandardCharsets.UTF_8);
            case DOCX -> compiler.docx(items);
            case JSON -> json(items).getBytes(StandardCharsets.UTF_8);
        };
        if (output == null) {
            System.out.write(bytes);
            System.out.flush();
        } else {
            Files.write(output, bytes);
            System.err.printf("%d items written to %s%n", items.size(), output);
        }
        return 0;
    }

    @Inject
    io.micronaut.json.JsonMapper mapper;

    private String json(List<CitationCompiler.Item> items) throws java.io.IOException {
        return mapper.writeValueAsString(items) + "\n";
    }
}
