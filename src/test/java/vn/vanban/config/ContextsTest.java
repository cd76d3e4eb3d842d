package vn.vanban.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commands open the repository, and that the others leave no database behind. */
class ContextsTest {

    @Test
    void helpAndStorelessCommandsDoNotNeedTheRepository() {
        assertTrue(Contexts.needsStore(new String[] {"ingest", "ingest/"}));
        assertTrue(Contexts.needsStore(new String[0]), "no arguments: serve");
        assertFalse(Contexts.needsStore(new String[] {"ingest", "--help"}));
        assertFalse(Contexts.needsStore(new String[] {"serve", "-h"}));
        assertFalse(Contexts.needsStore(new String[] {"extract", "a.docx"}));
        assertFalse(Contexts.needsStore(new String[] {"--version"}));
    }

    @Test
    void everyCommandPrintsItsUsageWithoutTheRepository() {
        // the commands that work on the repository inject it: asked for their usage, none may need it
        for (String command : new String[] {"ingest", "serve", "reindex", "search", "cites", "deadlines", "compile", "bench", "eval"}) {
            java.io.PrintStream out = System.out;
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            int code;
            try {
                code = vn.vanban.Vanban.run(new String[] {command, "--help"});
            } finally {
                System.setOut(out);
            }
            org.junit.jupiter.api.Assertions.assertEquals(0, code, command + " --help");
            assertTrue(printed.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Usage: vanban " + command),
                    command + " --help printed: " + printed);
        }
    }

    @Test
    void aContextWithoutTheRepositoryOpensNoDatabase(@TempDir Path dir) {
        try (ApplicationContext ctx = Contexts.builder(false, Map.of("vanban.data-dir", dir.toString())).start()) {
            assertFalse(ctx.containsBean(javax.sql.DataSource.class));
        }
        assertFalse(Files.exists(dir.resolve("db")), "no embedded database file made");
    }
}
