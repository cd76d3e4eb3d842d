package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The identity cache of {@link V8__EmbeddedIdentityCache} for the tables made since (the relations of V9, the follows
 * of V10), on the embedded H2 database only; columns that have it already are set again to the same. A migration
 * that adds a table with an identity column comes before this one, or repeats it after.
 */
public class V11__EmbeddedIdentityCacheForNewTables extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        new V8__EmbeddedIdentityCache().migrate(context);
    }
}
