package vn.vanban.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds Vanban's application contexts, in one place for the command line, the server and the tests. The
 * {@value #STORE} environment adds the database (and its Flyway migrations): commands that only read files
 * ({@code extract}) start without it.
 */
public final class Contexts {

    /** The environment that configures the database. */
    public static final String STORE = "store";
    /** Commands that never touch the database. */
    private static final Set<String> STORELESS = Set.of("extract", "search", "bench", "eval", "relations-eval", "deadlines-eval", "compile-eval", "restore", "generate", "loadbench", "hardening", "help");

    private Contexts() {
    }

    /** Whether the command named by {@code args} needs the database. */
    public static boolean needsStore(String[] args) {
        if (asksHelp(args)) {
            return false; // "vanban ingest --help" prints the usage; it opens no database
        }
        return args.length == 0 || !STORELESS.contains(args[0]);
    }

    /** Whether {@code args} ask for a command's usage or the version. */
    public static boolean asksHelp(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(HELP::contains);
    }

    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    /**
     * A context builder for the command line: environment {@code cli} (plus {@value #STORE} when asked), with the
     * database settings taken from VANBAN_DB_URL / VANBAN_DB_USER / VANBAN_DB_PASSWORD when they are set.
     */
    public static ApplicationContextBuilder builder(boolean store, Map<String, Object> properties) {
        Map<String, Object> props = new HashMap<>();
        String url = System.getenv("VANBAN_DB_URL");
        if (store && url != null && !url.isBlank()) {
            props.put("datasources.default.url", url);
            props.put("datasources.default.username", envOr("VANBAN_DB_USER", "vanban"));
            props.put("datasources.default.password", envOr("VANBAN_DB_PASSWORD", ""));
        }
        props.putAll(properties);
        if (store) {
            // a command without the repository gets no database settings at all: none is opened or created
            java.nio.file.Path dataDir = java.nio.file.Path.of(props.getOrDefault("vanban.data-dir",
                    System.getProperty("vanban.data-dir", envOr("VANBAN_DATA_DIR", "index"))).toString());
            if (!props.containsKey("datasources.default.url") && System.getProperty("datasources.default.url") == null) {
                props.put("datasources.default.url", embeddedUrl(dataDir));
            }
            if (System.getenv("VANBAN_CSRF_KEY") == null && !props.containsKey("micronaut.security.csrf.signature-key")) {
                props.put("micronaut.security.csrf.signature-key", csrfKey(dataDir));
            }
        }
        ApplicationContextBuilder b = ApplicationContext.builder().deduceEnvironment(false).banner(false)
                .properties(props);
        return store ? b.environments(Environment.CLI, STORE) : b.environments(Environment.CLI);
    }

    /** The CSRF signing key kept in {@code dataDir/csrf.key}, made (random, 256 bits) on first use. */
    static String csrfKey(java.nio.file.Path dataDir) {
        java.nio.file.Path file = dataDir.resolve("csrf.key");
        try {
            if (java.nio.file.Files.isRegularFile(file)) {
                return java.nio.file.Files.readString(file).strip();
            }
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            String key = java.util.Base64.getEncoder().encodeToString(random);
            java.nio.file.Files.createDirectories(dataDir);
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile(dataDir, "csrf", ".tmp");
            java.nio.file.Files.writeString(tmp, key);
            try {
                java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                java.nio.file.Files.deleteIfExists(tmp);
            }
            return java.nio.file.Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the CSRF key in " + file, e);
        }
    }

    /** The JDBC URL of the embedded H2 database (MariaDB mode) under {@code dataDir}. */
    public static String embeddedUrl(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("db").resolve("vanban")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"
                // a commit is written out at once, not up to half a second later: a killed server takes back no
                // acknowledged upload
                + ";WRITE_DELAY=0";
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
