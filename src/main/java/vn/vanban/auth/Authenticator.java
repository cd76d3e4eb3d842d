package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Vanban's side of Micronaut Security: checks passwords at sign-in (Argon2id), issues the opaque session secret the
 * login cookie carries (kept server-side, so sign-out and deactivation take effect at once), and turns a cookie's
 * session secret or a bearer API token back into the user and roles.
 */
@Singleton
public class Authenticator<B> implements HttpRequestAuthenticationProvider<B>, TokenGenerator, TokenValidator<HttpRequest<?>>,
        io.micronaut.security.token.generator.AccessRefreshTokenGenerator {

    /** Attribute saying how a request was authenticated: "session" (cookie) or "token" (API token). */
    public static final String VIA = "via";
    private static final long DEFAULT_SESSION_SECONDS = 8 * 3600;

    private final Users users;
    private final AuditLog audit;
    private final java.util.concurrent.Executor blocking;
    private final int sessionSeconds;

    public Authenticator(Users users, AuditLog audit,
                         io.micronaut.security.token.generator.AccessTokenConfiguration tokens,
                         @jakarta.inject.Named(io.micronaut.scheduling.TaskExecutors.BLOCKING) java.util.concurrent.ExecutorService blocking) {
        this.users = users;
        this.audit = audit;
        this.blocking = blocking;
        this.sessionSeconds = tokens.getExpiration() == null ? (int) DEFAULT_SESSION_SECONDS : tokens.getExpiration();
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        String remote = request == null ? null : request.getRemoteAddress().getAddress().getHostAddress();
        Optional<AppUser> user = users.authenticate(login.getIdentity(), login.getSecret());
        if (user.isEmpty()) {
            audit.record(String.valueOf(login.getIdentity()), remote, "login.failure", null, null, null);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        audit.record(user.get().username(), remote, "login.success", null, null, null);
        return AuthenticationResponse.success(user.get().username(), user.get().roleValue().granted(), Map.of(VIA, "session"));
    }

    @Override
    public Optional<String> generateToken(Authentication authentication, @Nullable Integer expiration) {
        return users.openSession(authentication.getName(), expiration == null ? DEFAULT_SESSION_SECONDS : expiration);
    }

    @Override
    public Optional<String> generateToken(Map<String, Object> claims) {
        Object sub = claims.get("sub");
        return sub == null ? Optional.empty() : users.openSession(sub.toString(), DEFAULT_SESSION_SECONDS);
    }

    /** The session secret the sign-in cookie carries (no refresh tokens: a session ends, one signs in again). */
    @Override
    public Optional<io.micronaut.security.token.render.AccessRefreshToken> generate(Authentication authentication) {
        return generateToken(authentication, sessionSeconds)
                .map(secret -> new io.micronaut.security.token.render.AccessRefreshToken(secret, null, "Bearer", sessionSeconds));
    }

    @Override
    public Optional<String> generateRefreshToken(Authentication authentication) {
        return Optional.empty();
    }

    @Override
    public Optional<io.micronaut.security.token.render.AccessRefreshToken> generate(String refreshToken, Map<String, ?> claims) {
        return Optional.empty();
    }

    @Override
    public Optional<io.micronaut.security.token.render.AccessRefreshToken> generate(String refreshToken, Authentication authentication) {
        return Optional.empty();
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        // a database look-up: off the event loop
        return io.micronaut.core.async.publisher.Publishers.fromCompletableFuture(() ->
                java.util.concurrent.CompletableFuture.supplyAsync(() -> users.bySecret(token)
                        .map(e -> Authentication.build(e.getKey().username(), e.getKey().roleValue().granted(),
                                Map.of(VIA, e.getValue())))
                        .orElse(null), blocking));
    }
}
