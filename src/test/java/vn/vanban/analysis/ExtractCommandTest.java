package vn.vanban.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.Vanban;
import vn.vanban.parse.DocumentParser;
import vn.vanban.parse.ParseConfig;
import vn.vanban.support.Fixtures;

/** {@code vanban extract FILE...}: one JSON object a line, in the order given, each what the analysis pipeline gives. */
class ExtractCommandTest {

    @Test
    void printsOneObjectPerFileInOrderAndAnErrorLineForABrokenOne(@TempDir Path dir) throws Exception {
        Path a = Fixtures.path("web/Chi_thi_299-TTg.txt");
        Path b = Fixtures.path("dev-office/docx/000_dfb5246ff8e502db.docx");
        Path broken = Files.write(dir.resolve("broken.pdf"), "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Vanban.run(new String[] {"extract", a.toString(), broken.toString(), b.toString()});
        } finally {
            System.setOut(out);
        }
        String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, status, "a file that cannot be read makes the exit code 1");
        assertEquals(3, lines.length, String.join("\n", lines));
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertEquals("299/TTg", first.get("document").get("number").asText());
        assertEquals("1980-11-10", first.get("document").get("date").asText());
        JsonNode error = json.readTree(lines[1]);
        assertTrue(error.get("error").asText().length() > 0, lines[1]);
        assertEquals(broken.toString(), error.get("file").asText());
        JsonNode third = json.readTree(lines[2]);
        assertEquals("43/HD-STTTT", third.get("document").get("number").asText());
        // what extract prints is what the one pipeline gives (ingest and reindex call the same)
        DocumentParser parser = new DocumentParser(new ParseConfig(10_000_000, false, "vie", 300));
        DocumentAnalysis.Result r = DocumentAnalysis.standalone().run(parser.parse(Files.readAllBytes(b), b.getFileName().toString()).text());
        assertEquals(json.readTree(io.micronaut.serde.ObjectMapper.getDefault().writeValueAsString(Extraction.of(r))), third);
    }
}
