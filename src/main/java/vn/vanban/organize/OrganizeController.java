package vn.vanban.organize;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.NoSuchElementException;
import vn.vanban.auth.AuditLog;
import vn.vanban.auth.Role;

/** Tags and saved searches for API clients: tags are read by anyone who may read, written by editors. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganizeController {

    /** A tag to put on documents: on {@code ids}, or on every result of {@code search} (a search page's query string). */
    @Serdeable
    public record TagBody(String tag, @Nullable List<Long> ids, @Nullable String search) {
    }

    /** How many documents gained the tag (of how many named or found). */
    @Serdeable
    public record Tagged(String tag, long matched, int tagged) {
    }

    /** A search to save: its name and the search page's query string ("q=…&type=…"). */
    @Serdeable
    public record SearchBody(String name, String search) {
    }

    private final Tags tags;
    private final Tagging tagging;
    private final SavedSearches saved;
    private final AuditLog audit;

    public OrganizeController(Tags tags, Tagging tagging, SavedSearches saved, AuditLog audit) {
        this.tags = tags;
        this.tagging = tagging;
        this.saved = saved;
        this.audit = audit;
    }

    /** Every tag on current documents, with how many carry it. */
    @Get("/tags")
    public List<Tags.TagCount> tags() {
        return tags.counts();
    }

    /** The tags of document {@code id}. */
    @Get("/documents/{id}/tags")
    public List<String> tagsOf(@PathVariable long id) {
        return tags.of(id);
    }

    /** Puts a tag on documents {@code ids} or on every result of {@code search}. */
    @Post("/tags")
    @Secured(Role.EDITOR_NAME)
    public Tagged tag(Authentication who, HttpRequest<?> request, @Body TagBody body) {
        String tag = Tags.clean(body.tag());
        if ((body.ids() == null) == (body.search() == null)) {
            throw new IllegalArgumentException("give either ids or search");
        }
        Tagged out;
        if (body.ids() != null) {
            out = new Tagged(tag, body.ids().size(), tagging.add(who.getName(), body.ids(), tag).size());
        } else {
            Tagging.Bulk b = tagging.tagResults(who.getName(), SavedSearches.params(body.search()), tag);
            out = new Tagged(tag, b.matched(), b.tagged());
        }
        audit.record(who, request, "tag.bulk", body.ids() != null ? "documents " + body.ids() : "search " + body.search(),
                null, tag + " (" + out.tagged() + ")");
        return out;
    }

    /** Takes a tag off document {@code id}. */
    @Delete("/documents/{id}/tags")
    @Secured(Role.EDITOR_NAME)
    public List<String> untag(Authentication who, HttpRequest<?> request, @PathVariable long id, @QueryValue String tag) {
        if (!tagging.remove(id, tag)) {
            throw new NoSuchElementException("document " + id + " has no tag " + tag);
        }
        audit.record(who, request, "tag.remove", "document " + id, tag, null);
        return tags.of(id);
    }

    /** The caller's saved searches. */
    @Get("/saved-searches")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<SavedSearches.Saved> savedSearches(Authentication who) {
        return saved.of(who.getName());
    }

    /** Saves (or replaces) a search under a name. */
    @Put("/saved-searches")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public SavedSearches.Saved save(Authentication who, @Body SearchBody body) {
        return saved.save(who.getName(), body.name(), body.search());
    }

    /** Deletes a saved search. */
    @Delete("/saved-searches")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<SavedSearches.Saved> delete(Authentication who, @QueryValue String name) {
        if (!saved.delete(who.getName(), name)) {
            throw new NoSuchElementException("no saved search " + name);
        }
        return saved.of(who.getName());
    }

    /**
     * The documents a saved search finds, the latest to come in first, each marked new when it came in after the
     * search was last looked at; {@code seen=true} marks them looked at.
     */
    @Get("/saved-searches/matches")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<SavedSearches.Match> matches(Authentication who, @QueryValue String name,
                                             @QueryValue(defaultValue = "50") int limit,
                                             @QueryValue(defaultValue = "false") boolean seen) {
        if (limit < 1 || limit > SavedSearches.SCAN) {
            throw new IllegalArgumentException("limit must be 1–" + SavedSearches.SCAN);
        }
        SavedSearches.Saved s = saved.find(who.getName(), name).orElseThrow(() -> new NoSuchElementException("no saved search " + name));
        List<SavedSearches.Match> out = saved.matches(s, limit);
        if (seen) {
            saved.seen(who.getName(), s.name());
        }
        return out;
    }
}
