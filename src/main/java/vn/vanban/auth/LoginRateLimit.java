package vn.vanban.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits sign-in attempts per client address ({@link SecurityConfig#loginAttempts()} a minute, token bucket): the
 * next attempt gets 429 with Retry-After, so passwords cannot be guessed at speed.
 */
@ServerFilter("/login")
public class LoginRateLimit {

    private static final int MAX_CLIENTS = 100_000;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    public LoginRateLimit(SecurityConfig config) {
        this.perMinute = Math.max(1, config.loginAttempts());
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // bounded memory under an address-spraying attack; limits restart
        }
        String client = request.getRemoteAddress().getAddress().getHostAddress();
        Bucket bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(seconds))
                .body(Map.of("message", "Quá nhiều lần đăng nhập; thử lại sau " + seconds + " giây."));
    }
}
