package vn.vanban.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that keep a browser from being turned against the user: no content-type sniffing (a JSON answer quoting
 * markup stays JSON), no framing by other sites, no referrer to other sites, and a content security policy that
 * runs only the scripts served from here.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements io.micronaut.core.order.Ordered {

    /** Outermost, so that it sees every answer, also the ones the security filter gives. */
    @Override
    public int getOrder() {
        return io.micronaut.http.filter.ServerFilterPhase.FIRST.before();
    }

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @ResponseFilter
    public void headers(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("Content-Security-Policy", CSP);
    }
}
