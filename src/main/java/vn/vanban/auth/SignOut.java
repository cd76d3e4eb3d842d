package vn.vanban.auth;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieClearerLogoutHandler;
import jakarta.inject.Singleton;

/** Sign-out ends the session on the server too, not only the cookie in this browser. */
@Singleton
@Replaces(TokenCookieClearerLogoutHandler.class)
public class SignOut extends TokenCookieClearerLogoutHandler {

    private final Users users;
    private final AccessTokenCookieConfiguration cookie;

    public SignOut(AccessTokenCookieConfiguration cookie, RefreshTokenCookieConfiguration refresh,
                   RedirectConfiguration redirect, RedirectService redirectService, Users users) {
        super(cookie, refresh, redirect, redirectService);
        this.users = users;
        this.cookie = cookie;
    }

    @Override
    public MutableHttpResponse<?> logout(HttpRequest<?> request) {
        request.getCookies().findCookie(cookie.getCookieName()).ifPresent(c -> users.closeSession(c.getValue()));
        return super.logout(request);
    }
}
