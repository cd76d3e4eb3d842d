package vn.vanban.auth;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.store.BlobStore;

/**
 * Accounts, passwords and API tokens, every change audited. On the first start with no accounts it creates the
 * admin from {@link SecurityConfig#adminPassword()}, or with a generated one-time password printed once.
 */
@Singleton
public class Users {

    private static final Logger LOG = LoggerFactory.getLogger(Users.class);
    /** Prefix of API token secrets, so that a leaked one is recognizable. */
    static final String TOKEN_PREFIX = "vbt_";

    /** Prefix of browser session secrets. */
    static final String SESSION_PREFIX = "vbs_";

    private final UserRepository users;
    private final TokenRepository tokens;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final SecurityConfig config;

    public Users(UserRepository users, TokenRepository tokens, SessionRepository sessions, AuditLog audit,
                 SecurityConfig config) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
        this.config = config;
    }

    /** The active user {@code username} when {@code password} is theirs. */
    public Optional<AppUser> authenticate(String username, String password) {
        Optional<AppUser> u = users.findByUsername(username == null ? "" : username.strip());
        if (u.isEmpty()) {
            Passwords.matches(password == null ? "" : password, DUMMY_HASH); // the same work whether or not the user exists
            return Optional.empty();
        }
        return u.filter(AppUser::active).filter(x -> Passwords.matches(password == null ? "" : password, x.passwordHash()));
    }

    private static final String DUMMY_HASH = Passwords.hash("not-a-password-of-anyone");

    /** Creates an account; throws IllegalArgumentException with a message for the user when it cannot. */
    public AppUser create(String actor, String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[\\p{L}\\p{N}._@-]{2,100}")) {
            throw new IllegalArgumentException("tên đăng nhập chỉ gồm chữ, số và . _ @ - (2–100 ký tự)");
        }
        String weak = Passwords.weakness(password);
        if (weak != null) {
            throw new IllegalArgumentException(weak);
        }
        if (users.findByUsername(name).isPresent()) {
            throw new IllegalArgumentException("tên đăng nhập đã có: " + name);
        }
        AppUser saved = users.save(new AppUser(null, name, Passwords.hash(password), role.name(), true,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        audit.record(actor, null, "user.create", "user " + name, null, "role=" + role);
        return saved;
    }

    public void changePassword(String actor, String username, String password) {
        String weak = Passwords.weakness(password);
        if (weak != null) {
            throw new IllegalArgumentException(weak);
        }
        AppUser u = users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("không có tài khoản " + username));
        users.update(new AppUser(u.id(), u.username(), Passwords.hash(password), u.role(), u.active(), u.createdAt()));
        audit.record(actor, null, "user.password", "user " + username, null, "changed");
    }

    public void setRole(String actor, String username, Role role, boolean active) {
        AppUser u = users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("không có tài khoản " + username));
        if (u.roleValue() == Role.ADMIN && (role != Role.ADMIN || !active) && activeAdmins() <= 1) {
            throw new IllegalArgumentException("phải còn ít nhất một quản trị viên");
        }
        users.update(new AppUser(u.id(), u.username(), u.passwordHash(), role.name(), active, u.createdAt()));
        audit.record(actor, null, "user.role", "user " + username, "role=" + u.role() + " active=" + u.active(),
                "role=" + role + " active=" + active);
    }

    private long activeAdmins() {
        return users.findAllOrderByUsername().stream().filter(u -> u.active() && u.roleValue() == Role.ADMIN).count();
    }

    public List<AppUser> all() {
        return users.findAllOrderByUsername();
    }

    public Optional<AppUser> find(String username) {
        return users.findByUsername(username);
    }

    /** A new API token for {@code username}; the secret is returned once and only its hash is kept. */
    public String createToken(String actor, String username, String name) {
        AppUser u = users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("không có tài khoản " + username));
        String secret = secret(TOKEN_PREFIX);
        String label = name == null || name.isBlank() ? "token" : name.strip();
        tokens.save(new ApiToken(null, u.id(), label.length() > 200 ? label.substring(0, 200) : label,
                hashOf(secret), Instant.now().truncatedTo(ChronoUnit.MILLIS), false));
        audit.record(actor, null, "token.create", "user " + username, null, "token " + label);
        return secret;
    }

    public List<ApiToken> tokensOf(String username) {
        return users.findByUsername(username).map(u -> tokens.findByUserIdOrderByCreatedAt(u.id())).orElse(List.of());
    }

    public void revokeToken(String actor, String username, long tokenId) {
        AppUser u = users.findByUsername(username).orElseThrow();
        ApiToken t = tokens.findById(tokenId).filter(x -> x.userId() == u.id())
                .orElseThrow(() -> new IllegalArgumentException("không có khóa API này"));
        tokens.update(new ApiToken(t.id(), t.userId(), t.name(), t.tokenHash(), t.createdAt(), true));
        audit.record(actor, null, "token.revoke", "user " + username, "token " + t.name(), "revoked");
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String secret(String prefix) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String hashOf(String secret) {
        return BlobStore.sha256(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Opens a browser session for {@code username} lasting {@code seconds}; returns the cookie's secret. */
    public Optional<String> openSession(String username, long seconds) {
        return users.findByUsername(username).filter(AppUser::active).map(u -> {
            String secret = secret(SESSION_PREFIX);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            sessions.deleteByExpiresAtLessThan(now);
            sessions.save(new UserSession(null, u.id(), hashOf(secret), now, now.plusSeconds(seconds)));
            return secret;
        });
    }

    /** Ends the session whose secret is {@code secret} (sign-out). */
    public void closeSession(String secret) {
        if (secret != null && secret.startsWith(SESSION_PREFIX)) {
            sessions.deleteByTokenHash(hashOf(secret));
        }
    }

    /** The active user of a live session or an unrevoked API token, and which of the two it was. */
    public Optional<Map.Entry<AppUser, String>> bySecret(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.startsWith(SESSION_PREFIX)) {
            return sessions.findByTokenHash(hashOf(secret)).filter(s -> s.expiresAt().isAfter(Instant.now()))
                    .flatMap(s -> users.findById(s.userId())).filter(AppUser::active).map(u -> Map.entry(u, "session"));
        }
        return byToken(secret).map(u -> Map.entry(u, "token"));
    }

    /** The active user a token secret belongs to. */
    public Optional<AppUser> byToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndRevoked(hashOf(secret), false).flatMap(t -> users.findById(t.userId())).filter(AppUser::active);
    }

    /** Creates the first admin when there are no accounts; returns the generated password, or null. */
    public String bootstrap() {
        if (users.count() > 0) {
            return null;
        }
        String given = config.adminPassword();
        boolean generated = given == null || given.isBlank();
        String password = generated ? Passwords.generate() : given;
        create(AuditLog.SYSTEM, config.adminUser(), password, Role.ADMIN);
        if (generated) {
            LOG.warn("Created the admin account '{}' with the one-time password {} — sign in at /dang-nhap and change it "
                    + "(or set VANBAN_ADMIN_PASSWORD before the first start)", config.adminUser(), password);
        } else {
            LOG.info("Created the admin account '{}' from vanban.security.admin-password", config.adminUser());
        }
        return generated ? password : null;
    }

    /** Runs {@link #bootstrap()} when the server starts. */
    @Singleton
    @Requires(beans = io.micronaut.runtime.server.EmbeddedServer.class)
    static final class OnStart implements ApplicationEventListener<io.micronaut.runtime.server.event.ServerStartupEvent> {
        private final Users users;

        OnStart(Users users) {
            this.users = users;
        }

        @Override
        public void onApplicationEvent(io.micronaut.runtime.server.event.ServerStartupEvent event) {
            users.bootstrap();
        }
    }
}
