package vn.vanban.ingest;

import vn.vanban.support.Databases;

/** The ingest contract on the embedded default database. */
class H2IngestTest extends IngestContract {
    @Override
    Databases database() {
        return Databases.H2;
    }
}
