package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.vanban.citation.Follows;

/** The documents the calling user follows, and what held documents did to them (API token or session). */
@Controller("/api/follows")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class FollowController {

    private final Follows follows;

    public FollowController(Follows follows) {
        this.follows = follows;
    }

    /** A document to follow: its key (as in {@code /api/citations?key=}) and how to name it. */
    @Serdeable
    public record FollowBody(String key, @Nullable String label) {
    }

    /** What the user follows, with each document's status. */
    @Get
    public List<Follows.Followed> list(Authentication who) {
        return follows.followed(who.getName());
    }

    /** Follows a document; following it again changes nothing. */
    @Post
    public HttpResponse<List<Follows.Followed>> follow(Authentication who, @Body FollowBody body) {
        follows.follow(who.getName(), body.key(), body.label());
        return HttpResponse.created(follows.followed(who.getName()));
    }

    /** Stops following a document. */
    @Delete
    public List<Follows.Followed> unfollow(Authentication who, @QueryValue String key) {
        follows.unfollow(who.getName(), key);
        return follows.followed(who.getName());
    }

    /** What held documents did to the followed documents (amend, replace, repeal), newest first. */
    @Get("/events")
    public List<Follows.Event> events(Authentication who, @QueryValue(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000");
        }
        return follows.events(who.getName(), limit);
    }
}
