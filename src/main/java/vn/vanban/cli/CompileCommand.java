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
@Command(name = "compile", description = "Compile a \"Căn cứ\" list: vanban compile --doc 12 --ref 45/2019/QH14 "
        + "--key '2099/QĐ-UBND|2018|bac kan' [--format text|markdown|docx|csv|json] [-o FILE]")
public class CompileCommand implements Callable<Integer> {

    @Option(names = "--doc", description = "id of a held document (repeatable)")
    List<Long> documents = new ArrayList<>();

    @Option(names = "--key", description = "citation key of a cited document, as /api/citations shows it (repeatable)")
    List<String> keys = new ArrayList<>();

    @Option(names = "--ref", description = "number of a cited or held document as typed, e.g. 45/2019/QH14 (repeatable)")
    List<String> refs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text (default), markdown, docx, csv or json")
    String format;

    @Option(names = {"-o", "--output"}, description = "file to write (required for docx; else standard output)")
    Path output;

    @Inject
    CitationCompiler compiler;

    @Inject
    vn.vanban.citation.CitationQueries citations;

    @Override
    public Integer call() throws Exception {
        CitationCompiler.Format f = CitationCompiler.Format.parse(format);
        if (f == CitationCompiler.Format.DOCX && output == null) {
            System.err.println("lỗi: định dạng docx cần tệp đích: -o TỆP");
            return 2;
        }
        if (documents.isEmpty() && keys.isEmpty() && refs.isEmpty()) {
            System.err.println("lỗi: chọn văn bản cần dẫn: --doc MÃ_SỐ, --ref SỐ_KÝ_HIỆU hoặc --key KHÓA");
            return 2;
        }
        List<String> all = new ArrayList<>(keys);
        try {
            all.addAll(citations.keys(refs));
        } catch (IllegalArgumentException e) {
            System.err.println("lỗi: " + e.getMessage());
            return 2;
        }
        CitationCompiler.Compiled compiled = compiler.compileWithNotes(documents, all);
        compiled.notes().forEach(n -> System.err.println("lưu ý: " + n));
        List<CitationCompiler.Item> items = compiled.items();
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
            System.err.printf("đã ghi %d dòng căn cứ vào %s%n", items.size(), output);
        }
        return 0;
    }

    @Inject
    io.micronaut.json.JsonMapper mapper;

    private String json(List<CitationCompiler.Item> items) throws java.io.IOException {
        return mapper.writeValueAsString(items) + "\n";
    }
}
