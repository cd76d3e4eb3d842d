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
    void aContextWithoutTheRepositoryOpensNoDatabase(@TempDir Path dir) {
        try (ApplicationContext ctx = Contexts.builder(false, Map.of("vanban.data-dir", dir.toString())).start()) {
            assertFalse(ctx.containsBean(javax.sql.DataSource.class));
        }
        assertFalse(Files.exists(dir.resolve("db")), "no embedded database file made");
    }
}
