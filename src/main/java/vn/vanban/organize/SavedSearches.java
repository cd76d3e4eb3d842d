package vn.vanban.organize;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;

/**
 * Searches users save under a name ({@code saved_search}): the search page's parameters, and when the user last
 * looked at its matches. Its new matches are the documents it finds that came into the repository since.
 */
@Singleton
public class SavedSearches {

    /** Most matches looked at for what is new. */
    public static final int SCAN = 1000;

    /** A saved search. */
    @Serdeable
    public record Saved(String name, String params, Instant createdAt, Instant seenAt) {

        /** The search page that runs it. */
        public String url() {
            return params.isEmpty() ? "/" : "/?" + params;
        }
    }

    /** A document a saved search finds, with when it came in. */
    @Serdeable
    public record Match(long id, String title, Instant ingestedAt, boolean isNew) {
    }

    private final JdbcOperations jdbc;
    private final vn.vanban.search.DocumentSearch search;

    public SavedSearches(JdbcOperations jdbc, vn.vanban.search.DocumentSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** The parameters of a search page's query string (without the page), checked. */
    public static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        new QueryStringDecoder(query == null ? "" : query, false).parameters().forEach((k, v) -> {
            if (!v.isEmpty() && !v.get(0).isBlank() && !"page".equals(k)) {
                out.put(k, v.get(0).strip());
            }
        });
        SearchRequest.fromPage(out, 0, 1); // throws for what is not a search
        return out;
    }

    /** The same, or none when {@code query} is not a search (to go back to a page after a mistake). */
    public static Map<String, String> paramsOrEmpty(String query) {
        try {
            return params(query);
        } catch (IllegalArgumentException e) {
            return new LinkedHashMap<>();
        }
    }

    /**
     * Saves (or replaces) {@code user}'s search {@code name}.
     *
     * @throws IllegalArgumentException in Vietnamese: no name, a name too long, no search at all
     */
    @Transactional
    public Saved save(String user, String name, String queryString) {
        String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Chưa đặt tên cho tìm kiếm.");
        }
        if (n.length() > 200) {
            throw new IllegalArgumentException("Tên tìm kiếm dài quá 200 ký tự.");
        }
        Map<String, String> p = params(queryString);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("Chưa có gì để lưu: hãy nhập từ tìm kiếm hoặc chọn bộ lọc.");
        }
        String q = SearchRequest.pageUrl("", p);
        if (q.length() > 2000) {
            throw new IllegalArgumentException("Tìm kiếm dài quá 2.000 ký tự.");
        }
        delete(user, n);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.prepareStatement("INSERT INTO saved_search (username, name, params, created_at, seen_at) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, user);
            ps.setString(2, n);
            ps.setString(3, q);
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
            return ps.executeUpdate();
        });
        return new Saved(n, q, now.toInstant(), now.toInstant());
    }

    /** {@code user}'s saved searches, by name. */
    @Transactional(readOnly = true)
    public List<Saved> of(String user) {
        return jdbc.prepareStatement("SELECT name, params, created_at, seen_at FROM saved_search WHERE username = ? ORDER BY name", ps -> {
            ps.setString(1, user);
            List<Saved> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Saved(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
                }
            }
            return out;
        });
    }

    /** {@code user}'s search {@code name}. */
    public Optional<Saved> find(String user, String name) {
        return of(user).stream().filter(s -> s.name().equals(name == null ? null : name.strip())).findFirst();
    }

    /** Deletes {@code user}'s search {@code name}; whether there was one. */
    @Transactional
    public boolean delete(String user, String name) {
        return jdbc.prepareStatement("DELETE FROM saved_search WHERE username = ? AND name = ?", ps -> {
            ps.setString(1, user);
            ps.setString(2, name == null ? "" : name.strip());
            return ps.executeUpdate() > 0;
        });
    }

    /** Notes that {@code user} has looked at the matches of {@code name} now: they are no longer new. */
    @Transactional
    public void seen(String user, String name) {
        jdbc.prepareStatement("UPDATE saved_search SET seen_at = ? WHERE username = ? AND name = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, user);
            ps.setString(3, name == null ? "" : name.strip());
            return ps.executeUpdate();
        });
    }

    /**
     * The documents {@code saved} finds, the latest to come into the repository first, at most {@code limit}; each
     * marked new when it came in after the user last looked.
     */
    @Transactional(readOnly = true)
    public List<Match> matches(Saved saved, int limit) {
        Map<Long, String> titles = new LinkedHashMap<>();
        Map<String, String> params = params(saved.params());
        for (int page = 0; page * SearchService.MAX_PAGE_SIZE < SCAN; page++) {
            SearchResult r = search.search(SearchRequest.fromPage(params, page, SearchService.MAX_PAGE_SIZE));
            for (SearchHit h : r.hits()) {
                titles.put(h.id(), vn.vanban.store.DocumentTitle.of(h.type(), h.number(), h.subject(), h.fileName()));
            }
            if ((long) (page + 1) * SearchService.MAX_PAGE_SIZE >= r.total()) {
                break;
            }
        }
        if (titles.isEmpty()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        String in = String.join(",", java.util.Collections.nCopies(titles.size(), "?"));
        jdbc.prepareStatement("SELECT id, ingested_at FROM document WHERE id IN (" + in + ") ORDER BY ingested_at DESC, id DESC", ps -> {
            int i = 1;
            for (Long id : titles.keySet()) {
                ps.setLong(i++, id);
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    Instant at = rs.getTimestamp(2).toInstant();
                    out.add(new Match(rs.getLong(1), titles.get(rs.getLong(1)), at, at.isAfter(saved.seenAt())));
                }
            }
            return out;
        });
        return out;
    }

    /** How many of the matches of {@code saved} are new. */
    @Transactional(readOnly = true)
    public long newCount(Saved saved) {
        return matches(saved, SCAN).stream().filter(Match::isNew).count();
    }

}
