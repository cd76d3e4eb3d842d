package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On the embedded H2 database only (MariaDB's AUTO_INCREMENT has nothing like it): every identity column hands out
 * its values from a cache of {@value #CACHE} instead of H2's default 32. When a cache runs out H2 commits the new
 * high-water mark at once, and with the write delay at 0 that commit writes out every changed page, the texts of the
 * transaction in progress included: an ingest of 400 documents with their 5,000 citations did that some 200 times.
 * A crash loses at most the unused rest of a cache: gaps in ids, never a duplicate.
 */
public class V8__EmbeddedIdentityCache extends BaseJavaMigration {

    public static final int CACHE = 10_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")) {
            return;
        }
        List<String[]> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = CURRENT_SCHEMA")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] col : columns) {
                s.execute("ALTER TABLE \"" + col[0] + "\" ALTER COLUMN \"" + col[1] + "\" SET CACHE " + CACHE);
            }
        }
    }
}
