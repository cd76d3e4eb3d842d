package vn.vanban.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import vn.vanban.config.Contexts;

/** The two databases every store test runs on: the embedded default (H2, MariaDB mode) and a real MariaDB server. */
public enum Databases {
    H2, MARIADB;

    /** Properties pointing a context at a fresh database of this kind, with all data under {@code dataDir}. */
    public Map<String, Object> properties(Path dataDir) {
        return properties(dataDir, this == MARIADB ? MariaDbServer.get() : null);
    }

    /** The same, on the MariaDB server {@code server} (for MARIADB). */
    public Map<String, Object> properties(Path dataDir, MariaDbServer server) {
        Map<String, Object> p = new HashMap<>();
        p.put("vanban.data-dir", dataDir.toString());
        p.put("vanban.ingest-dir", dataDir.resolve("ingest").toString());
        if (this == H2) {
            p.put("datasources.default.url", Contexts.embeddedUrl(dataDir));
            p.put("datasources.default.username", "sa");
            p.put("datasources.default.password", "");
        } else {
            p.put("datasources.default.url", server.newDatabase());
            p.put("datasources.default.username", server.user());
            p.put("datasources.default.password", server.password());
        }
        return p;
    }
}
