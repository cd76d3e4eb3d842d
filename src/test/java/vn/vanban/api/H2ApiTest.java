package vn.vanban.api;

import vn.vanban.support.Databases;

/** The API contract on the embedded default database. */
class H2ApiTest extends ApiContract {
    @Override
    Databases database() {
        return Databases.H2;
    }
}
