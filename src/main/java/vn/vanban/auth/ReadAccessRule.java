package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * Who may read. Reading (GET and HEAD, and compiling a citation list) is open to anyone signed in, and to everyone
 * when {@link SecurityConfig#anonymousRead()} is on; the sign-in page and static files are always open. Everything
 * else — uploads, corrections, account and admin pages, any route that names roles with {@code @Secured} — is
 * decided by those roles, and a route without them is refused. API writes must carry an API token: a browser's session cookie does not write through the API,
 * so that no other site can make a signed-in browser post to it (the pages' forms carry CSRF tokens instead).
 */
@Singleton
public class ReadAccessRule implements SecurityRule<HttpRequest<?>> {

    /** Before {@link SecuredAnnotationRule}, which decides everything this rule leaves open. */
    public static final int ORDER = SecuredAnnotationRule.ORDER - 100;

    private static final Set<String> OPEN_PREFIXES = Set.of("/static/", "/dang-nhap", "/login", "/logout", "/health");
    /** A POST that only reads. */
    private static final String COMPILE = "/api/citations/compile";

    private final SecurityConfig config;

    public ReadAccessRule(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null) {
            return result(SecurityRuleResult.UNKNOWN);
        }
        String path = request.getPath();
        if (OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            return result(SecurityRuleResult.ALLOWED);
        }
        HttpMethod method = request.getMethod();
        boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.POST && path.equals(COMPILE);
        if (!reads && path.startsWith("/api/") && authentication != null
                && "session".equals(authentication.getAttributes().get(Authenticator.VIA))) {
            return result(SecurityRuleResult.REJECTED);
        }
        if (declaresRoles(request)) {
            return result(SecurityRuleResult.UNKNOWN);
        }
        if (reads) {
            return result(authentication != null || config.anonymousRead() ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
        }
        return result(SecurityRuleResult.UNKNOWN);
    }

    /** Whether the route the request goes to names its own roles with {@code @Secured}: then they decide, even for GET. */
    private static boolean declaresRoles(HttpRequest<?> request) {
        return io.micronaut.web.router.RouteAttributes.getRouteMatch(request)
                .map(m -> m.getAnnotationMetadata().hasAnnotation(io.micronaut.security.annotation.Secured.class))
                .orElse(false);
    }

    private static Publisher<SecurityRuleResult> result(SecurityRuleResult r) {
        return io.micronaut.core.async.publisher.Publishers.just(r);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
