package vn.vanban.support;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import vn.vanban.config.Contexts;

/** A Vanban context with all its data in a temporary directory, on the given database. Close it to clean up. */
public final class TestApp implements AutoCloseable {

    public final Path dataDir;
    public final ApplicationContext context;

    private TestApp(Path dataDir, ApplicationContext context) {
        this.dataDir = dataDir;
        this.context = context;
    }

    public static TestApp start(Databases db) {
        return start(db, Map.of());
    }

    public static TestApp start(Databases db, Map<String, Object> extra) {
        try {
            Path dir = Files.createTempDirectory("vanban-test");
            Map<String, Object> props = new HashMap<>(db.properties(dir));
            props.put("vanban.watch", false);
            props.put("micronaut.server.port", -1);
            props.put("vanban.parse.ocr-enabled", false);
            props.putAll(extra);
            return new TestApp(dir, Contexts.builder(true, props).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context on existing data described by {@code props} (which name the data directory). */
    public static TestApp reopen(Map<String, Object> props) {
        return new TestApp(Path.of(props.get("vanban.data-dir").toString()), Contexts.builder(true, props).start());
    }

    /** Starts the HTTP server on a free port (once) and returns its base URL, e.g. "http://localhost:41234". */
    public String serve() {
        io.micronaut.runtime.server.EmbeddedServer server = bean(io.micronaut.runtime.server.EmbeddedServer.class);
        if (!server.isRunning()) {
            server.start();
        }
        return "http://localhost:" + server.getPort();
    }

    /** The password of the accounts {@link #user} creates. */
    public static final String PASSWORD = "mat-khau-thu-nghiem";

    /** Creates (once) the account "test-role" with {@link #PASSWORD} and returns its name. */
    public String user(vn.vanban.auth.Role role) {
        String name = "test-" + role.name().toLowerCase(java.util.Locale.ROOT);
        vn.vanban.auth.Users users = bean(vn.vanban.auth.Users.class);
        if (users.find(name).isEmpty()) {
            users.create("test", name, PASSWORD, role);
        }
        return name;
    }

    /** A new API token of an account with {@code role}. */
    public String apiToken(vn.vanban.auth.Role role) {
        return bean(vn.vanban.auth.Users.class).createToken("test", user(role), "test");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.findBean(io.micronaut.runtime.server.EmbeddedServer.class)
                .filter(io.micronaut.runtime.server.EmbeddedServer::isRunning).ifPresent(io.micronaut.runtime.server.EmbeddedServer::stop);
        context.close();
        org.apache.commons.io.FileUtils.deleteQuietly(dataDir.toFile()); // a leftover temp dir is harmless
    }
}
