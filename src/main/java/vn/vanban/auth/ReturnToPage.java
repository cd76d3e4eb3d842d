package vn.vanban.auth;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.errors.CookiePriorToLoginPersistence;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where signing in returns to: the page that asked for it. A page refused to an anonymous reader remembers itself
 * (as the library's cookie persistence does), and the header's "Đăng nhập" link on any page passes the page along
 * ({@code /dang-nhap?next=/van-ban/12}); either is kept in a short-lived cookie that the login handler reads after a
 * successful sign-in. Only a local path is ever kept or returned (no redirect to another host).
 */
@Singleton
@Replaces(CookiePriorToLoginPersistence.class)
public class ReturnToPage implements PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> {

    static final String COOKIE = "VANBAN_NEXT";

    @Override
    public void onUnauthorized(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!request.getMethod().name().equals("GET")) {
            return; // a form sent while signed out: its page, not its action, is where to come back to
        }
        remember(pathOf(request), response);
    }

    /** The path and query {@code request} asked for ("/van-ban/12?q=…"), as a link back to it. */
    public static String pathOf(HttpRequest<?> request) {
        URI u = request.getUri();
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Keeps {@code path} to return to after signing in, if it is a local path. */
    public static void remember(String path, MutableHttpResponse<?> response) {
        if (isLocal(path)) {
            response.cookie(Cookie.of(COOKIE, path).path("/").httpOnly(true).sameSite(SameSite.Lax).maxAge(Duration.ofMinutes(30)));
        }
    }

    @Override
    public Optional<URI> getOriginalUri(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<URI> back = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(ReturnToPage::isLocal)
                .map(URI::create);
        response.cookie(Cookie.of(COOKIE, "").path("/").maxAge(0)); // used once
        return back;
    }

    /**
     * A path on this site ("/van-ban/12?x=1"), not another host's ("//evil.example", "/\\evil") nor the sign-in page:
     * the one check every "go back to" link of the pages makes.
     */
    public static boolean isLocal(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.length() > 2000
                || path.startsWith("/dang-nhap") || path.startsWith("/login") || path.startsWith("/logout")) {
            return false;
        }
        try {
            URI u = URI.create(path);
            return u.getHost() == null && u.getScheme() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
