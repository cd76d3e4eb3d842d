package vn.vanban.api;

import vn.vanban.support.Databases;

/** The API contract on a real MariaDB server. */
class MariaDbApiTest extends ApiContract {
    @Override
    Databases database() {
        return Databases.MARIADB;
    }
}
