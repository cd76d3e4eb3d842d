package vn.vanban.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.vanban.support.Databases;

/** The ingest contract on the embedded default database, and what only the embedded database has. */
class H2IngestTest extends IngestContract {
    @Override
    Databases database() {
        return Databases.H2;
    }

    /**
     * Every identity column draws from a large cache (a cache running out commits at once, writing out the texts of
     * the transaction in progress); the migration finds the tables itself, so a new table is covered too.
     */
    @Test
    void identityColumnsDrawFromALargeCache() throws Exception {
        Map<String, Long> caches = new HashMap<>();
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(app.bean(javax.sql.DataSource.class)).getConnection();
             var rs = c.createStatement().executeQuery("SELECT TABLE_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = CURRENT_SCHEMA")) {
            while (rs.next()) {
                caches.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertTrue(caches.keySet().containsAll(java.util.List.of("document", "citation", "cited_document", "task", "deadline")),
                caches.toString());
        caches.forEach((table, cache) -> assertEquals(db.migration.V8__EmbeddedIdentityCache.CACHE, cache, table));
    }
}
