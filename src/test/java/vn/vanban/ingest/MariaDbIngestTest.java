package vn.vanban.ingest;

import vn.vanban.support.Databases;

/** The ingest contract on a real MariaDB server. */
class MariaDbIngestTest extends IngestContract {
    @Override
    Databases database() {
        return Databases.MARIADB;
    }
}
