package vn.vanban.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Calendar applications and feed readers cannot sign in: a calendar feed ({@code *.ics}) and an Atom feed
 * ({@code *.atom}) also accept an API token as {@code ?token=…}, so that a subscription works when anonymous reading is
 * off, and a user's own feed knows whose it is.
 */
@Singleton
public class FeedTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!request.getPath().endsWith(".ics") && !request.getPath().endsWith(".atom")) {
            return Optional.empty();
        }
        return request.getParameters().getFirst("token").filter(t -> t.startsWith(Users.TOKEN_PREFIX));
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
