package vn.vanban.organize;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import vn.vanban.auth.AuditLog;
import vn.vanban.auth.Csrf;
import vn.vanban.auth.Role;

/**
 * The forms that tag documents (one, or every result of a search) and save searches, and the Atom feed of a saved
 * search's matches ({@code /theo-doi/tim-kiem.atom?ten=…&token=…}; feed readers pass an API token). Each form goes
 * back to a page: a message or a mistake rides along as {@code thong-bao} / {@code loi}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganizePages {

    private final Tagging tagging;
    private final SavedSearches saved;
    private final AuditLog audit;
    private final Csrf csrf;

    public OrganizePages(Tagging tagging, SavedSearches saved, AuditLog audit, Csrf csrf) {
        this.tagging = tagging;
        this.saved = saved;
        this.audit = audit;
        this.csrf = csrf;
    }

    /** Tags every result of the search {@code search} (a search page's query string), then shows the tagged results. */
    @Post(value = "/the/gan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.EDITOR_NAME)
    public HttpResponse<?> tagResults(Authentication who, HttpRequest<?> request, @Body Map<String, String> form) {
        csrf.require(request, form.get("csrfToken"));
        String search = form.getOrDefault("search", "");
        try {
            String tag = Tags.clean(form.get("tag"));
            Map<String, String> params = SavedSearches.params(search);
            Tagging.Bulk b = tagging.tagResults(who.getName(), params, tag);
            audit.record(who, request, "tag.bulk", "search " + search, null, tag + " (" + b.tagged() + " văn bản)");
            params.put("tag", tag);
            return back("/", params, "Đã gắn thẻ “" + tag + "” cho " + b.tagged() + " văn bản"
                    + (b.tagged() < b.matched() ? " (" + (b.matched() - b.tagged()) + " văn bản đã có thẻ này)" : "") + ".", null);
        } catch (IllegalArgumentException e) {
            return back("/", SavedSearches.paramsOrEmpty(search), null, e.getMessage());
        }
    }

    /** Adds ({@code action=add}) or removes ({@code action=remove}) a tag of one document. */
    @Post(value = "/van-ban/{id}/the", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.EDITOR_NAME)
    public HttpResponse<?> tagOne(Authentication who, HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        csrf.require(request, form.get("csrfToken"));
        try {
            String tag = Tags.clean(form.get("tag"));
            if ("remove".equals(form.get("action"))) {
                tagging.remove(id, tag);
                audit.record(who, request, "tag.remove", "document " + id, tag, null);
            } else {
                tagging.add(who.getName(), List.of(id), tag);
                audit.record(who, request, "tag.add", "document " + id, null, tag);
            }
            return HttpResponse.seeOther(URI.create("/van-ban/" + id + "#the"));
        } catch (IllegalArgumentException e) {
            return back("/van-ban/" + id, Map.of(), null, e.getMessage());
        }
    }

    /** Saves the search {@code search} under {@code name}. */
    @Post(value = "/theo-doi/tim-kiem", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> save(Authentication who, HttpRequest<?> request, @Body Map<String, String> form) {
        csrf.require(request, form.get("csrfToken"));
        try {
            SavedSearches.Saved s = saved.save(who.getName(), form.get("name"), form.getOrDefault("search", ""));
            return back("/theo-doi", Map.of(), "Đã lưu tìm kiếm “" + s.name() + "”.", null);
        } catch (IllegalArgumentException e) {
            return back("/", SavedSearches.paramsOrEmpty(form.getOrDefault("search", "")), null, e.getMessage());
        }
    }

    /** Deletes a saved search. */
    @Post(value = "/theo-doi/tim-kiem/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> delete(Authentication who, HttpRequest<?> request, @Body Map<String, String> form) {
        csrf.require(request, form.get("csrfToken"));
        saved.delete(who.getName(), form.get("name"));
        return back("/theo-doi", Map.of(), "Đã xóa tìm kiếm “" + form.get("name") + "”.", null);
    }

    /** Opens a saved search: its matches are no longer new, and the search page runs it. */
    @Get("/theo-doi/tim-kiem/mo")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> open(Authentication who, @QueryValue String ten) {
        return saved.find(who.getName(), ten).<HttpResponse<?>>map(s -> {
            saved.seen(who.getName(), s.name());
            return HttpResponse.seeOther(URI.create(s.url()));
        }).orElseGet(() -> back("/theo-doi", Map.of(), null, "Không có tìm kiếm đã lưu “" + ten + "”."));
    }

    /** The matches of a saved search as an Atom feed, the latest to come in first. */
    @Get(value = "/theo-doi/tim-kiem.atom", produces = "application/atom+xml;charset=utf-8")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<String> feed(Authentication who, HttpRequest<?> request, @QueryValue String ten) throws FeedException {
        SavedSearches.Saved s = saved.find(who.getName(), ten).orElse(null);
        if (s == null) {
            return HttpResponse.<String>notFound().body("Không có tìm kiếm đã lưu “" + ten + "”.");
        }
        String base = request.getHeaders().get("Host") == null ? "" : "http://" + request.getHeaders().get("Host");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Vanban — " + s.name());
        feed.setUri(base + s.url() + "#" + who.getName());
        SyndLinkImpl link = new SyndLinkImpl();
        link.setHref(base + s.url());
        link.setRel("alternate");
        feed.setLinks(List.of(link));
        feed.setAuthor("Vanban");
        List<SavedSearches.Match> matches = saved.matches(s, 50);
        feed.setPublishedDate(Date.from(matches.isEmpty() ? s.createdAt() : matches.get(0).ingestedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (SavedSearches.Match m : matches) {
            SyndEntry e = new SyndEntryImpl();
            e.setTitle(m.title());
            e.setLink(base + "/van-ban/" + m.id());
            e.setUri("urn:vanban:document:" + m.id());
            e.setPublishedDate(Date.from(m.ingestedAt()));
            e.setUpdatedDate(Date.from(m.ingestedAt()));
            SyndContentImpl c = new SyndContentImpl();
            c.setType("text");
            c.setValue(m.title());
            e.setDescription(c);
            entries.add(e);
        }
        feed.setEntries(entries);
        return HttpResponse.ok(new SyndFeedOutput().outputString(feed));
    }

    private static HttpResponse<?> back(String path, Map<String, String> params, String message, String error) {
        Map<String, String> p = new java.util.HashMap<>(params);
        if (message != null) {
            p.put("thong-bao", message);
        }
        if (error != null) {
            p.put("loi", error);
        }
        return HttpResponse.seeOther(java.net.URI.create(vn.vanban.search.SearchRequest.pageUrl(path, p)));
    }
}
