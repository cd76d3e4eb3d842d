package vn.vanban.web;

import com.rometools.rome.feed.synd.SyndContentImpl;
import io.micronaut.http.annotation.QueryValue;
import vn.vanban.organize.SavedSearches;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vanban.citation.Follows;

/**
 * Following documents (signed-in users): follow or stop from a document's page, the "Theo dõi" page of what one
 * follows and what new documents did to it, and the same as an Atom feed ({@code /theo-doi.atom?token=…}, Rome).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class FollowPages {

    private static final int EVENTS = 200;

    private final Follows follows;
    private final vn.vanban.auth.Csrf csrf;
    private final SavedSearches saved;

    public FollowPages(Follows follows, vn.vanban.auth.Csrf csrf, SavedSearches saved) {
        this.saved = saved;
        this.follows = follows;
        this.csrf = csrf;
    }

    /** Follows ({@code action=follow}) or stops following ({@code action=unfollow}) a document, then goes back. */
    @Post(value = "/theo-doi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(Authentication who, @Body Map<String, String> form, HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        String key = form.get("key");
        if ("unfollow".equals(form.get("action"))) {
            follows.unfollow(who.getName(), key);
        } else {
            follows.follow(who.getName(), key, form.get("label"));
        }
        return HttpResponse.seeOther(URI.create(Display.localPath(form.get("back"), "/theo-doi")));
    }

    /** What the user follows, with each document's status, and what held documents did to them, newest first. */
    @Get("/theo-doi")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(Authentication who, @Nullable @QueryValue("thong-bao") String notice,
                                                  @Nullable @QueryValue("loi") String noticeError) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Theo dõi");
        model.put("notice", Display.clip(notice, 300));
        model.put("noticeError", Display.clip(noticeError, 300));
        List<Map<String, Object>> savedRows = new ArrayList<>();
        for (SavedSearches.Saved s : saved.of(who.getName())) {
            List<SavedSearches.Match> fresh = saved.matches(s, SavedSearches.SCAN).stream().filter(SavedSearches.Match::isNew).toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("openUrl", io.micronaut.http.uri.UriBuilder.of("/theo-doi/tim-kiem/mo").queryParam("ten", s.name()).toString());
            m.put("feedUrl", io.micronaut.http.uri.UriBuilder.of("/theo-doi/tim-kiem.atom").queryParam("ten", s.name()).toString());
            m.put("fresh", fresh.size());
            m.put("newest", fresh.stream().limit(5).map(x -> Map.of("url", "/van-ban/" + x.id(), "title", x.title(),
                    "at", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                            .withZone(vn.vanban.citation.ValidityService.ZONE).format(x.ingestedAt()))).toList());
            savedRows.add(m);
        }
        model.put("saved", savedRows);
        List<Map<String, Object>> followed = new ArrayList<>();
        for (Follows.Followed f : follows.followed(who.getName())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", f.label());
            m.put("key", f.key());
            m.put("url", io.micronaut.http.uri.UriBuilder.of("/luoc-do").queryParam("key", f.key()).toString());
            m.put("status", f.status());
            m.put("statusLabel", f.statusLabel());
            followed.add(m);
        }
        model.put("followed", followed);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Follows.Event e : follows.events(who.getName(), EVENTS)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", summary(e));
            m.put("url", "/van-ban/" + (e.doerHeld() != null ? e.doerHeld() : e.statedIn()));
            m.put("subject", e.statedInSubject() == null ? "" : e.statedInSubject());
            m.put("arrived", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                    .withZone(vn.vanban.citation.ValidityService.ZONE).format(e.arrivedAt()));
            m.put("isNew", e.afterFollowing());
            events.add(m);
        }
        model.put("events", events);
        model.put("feedUrl", "/theo-doi.atom");
        return new ModelAndView<>("follow", model);
    }

    /** The same events as an Atom feed; feed readers pass an API token as {@code ?token=}. */
    @Get(value = "/theo-doi.atom", produces = "application/atom+xml;charset=utf-8")
    public HttpResponse<String> feed(Authentication who, HttpRequest<?> request) throws FeedException {
        String base = request.getHeaders().get("Host") == null ? "" : "http://" + request.getHeaders().get("Host");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Vanban — văn bản theo dõi của " + who.getName());
        feed.setUri(base + "/theo-doi#" + who.getName());
        SyndLinkImpl self = new SyndLinkImpl();
        self.setHref(base + "/theo-doi");
        self.setRel("alternate");
        feed.setLinks(List.of(self));
        feed.setAuthor("Vanban");
        List<Follows.Event> events = follows.events(who.getName(), EVENTS);
        feed.setPublishedDate(Date.from(events.isEmpty() ? java.time.Instant.EPOCH : events.get(0).arrivedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Follows.Event e : events) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(summary(e));
            String link = base + "/van-ban/" + (e.doerHeld() != null ? e.doerHeld() : e.statedIn());
            entry.setLink(link);
            entry.setUri("urn:vanban:" + e.statedIn() + ":" + e.relation() + ":" + e.key());
            entry.setPublishedDate(Date.from(e.arrivedAt()));
            entry.setUpdatedDate(Date.from(e.arrivedAt()));
            SyndContentImpl content = new SyndContentImpl();
            content.setType("text");
            content.setValue(summary(e) + (e.statedInSubject() == null ? "" : ". " + e.statedInSubject()));
            entry.setDescription(content);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return HttpResponse.ok(new SyndFeedOutput().outputString(feed));
    }

    /** An event in Vietnamese, one line: "Thông tư 21/2021/TT-BLĐTBXH bị sửa đổi, bổ sung bởi 02/2024/TT-BLĐTBXH". */
    static String summary(Follows.Event e) {
        String verb = switch (e.relation()) {
            case "amends" -> "bị sửa đổi, bổ sung";
            case "replaces" -> "bị thay thế";
            case "repeals" -> e.articles() == null ? "bị bãi bỏ" : "bị bãi bỏ " + e.articles();
            default -> e.relation();
        };
        return e.label() + " " + verb + (e.doer() == null ? "" : " bởi " + e.doer())
                + (e.effective() == null ? "" : " từ ngày " + Display.date(e.effective()));
    }

    /** Whether {@code who} (may be null: anonymous) follows {@code key}, for a document's page. */
    static @Nullable Boolean following(Follows follows, @Nullable Authentication who, @Nullable String key) {
        return who == null || key == null ? null : follows.isFollowing(who.getName(), key);
    }
}
