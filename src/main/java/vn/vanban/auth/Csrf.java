package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import jakarta.inject.Singleton;

/**
 * Checks the CSRF token of a form post with micronaut-security-csrf's validator (double-submit cookie, HMAC-signed).
 * The library's filter is switched off ({@code micronaut.security.csrf.filter.enabled: false}): when it reads
 * the token from a form field it can fail the request with a NullPointerException (micronaut-security#1984), so
 * each form handler calls {@link #require} with the field it received; scripts send the X-CSRF-TOKEN header.
 */
@Singleton
public class Csrf {

    /** The header scripts send the token in. */
    public static final String HEADER = "X-CSRF-TOKEN";

    private final CsrfTokenValidator<HttpRequest<?>> validator;

    public Csrf(CsrfTokenValidator<HttpRequest<?>> validator) {
        this.validator = validator;
    }

    /** Refuses the request (403, or the sign-in page for a browser) unless {@code formToken} or the header is valid. */
    public void require(HttpRequest<?> request, @Nullable String formToken) {
        String token = formToken != null && !formToken.isBlank() ? formToken : request.getHeaders().get(HEADER);
        if (token == null || token.isBlank() || !validator.validateCsrfToken(request, token)) {
            throw new AuthorizationException(request.getUserPrincipal(io.micronaut.security.authentication.Authentication.class).orElse(null));
        }
    }
}
