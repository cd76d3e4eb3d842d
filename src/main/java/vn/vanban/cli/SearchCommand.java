package vn.vanban.cli;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;

/** Prints ranked hits with highlighted snippets. */
@Command(name = "search", description = "Search the repository; matched words are shown in [brackets].")
public class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "QUERY")
    String[] words;

    @Option(names = {"-n", "--size"}, defaultValue = "10", description = "hits to show (default 10)")
    int size;

    @Inject
    SearchService search;

    @Override
    public Integer call() {
        SearchResult r = search.search(String.join(" ", words), 0, Math.min(size, SearchService.MAX_PAGE_SIZE));
        System.out.printf("%d documents match%n", r.total());
        int rank = 1;
        for (SearchHit h : r.hits()) {
            System.out.printf("%2d. [%d] %s %s %s (%s) score %.2f%n    %s%n", rank++, h.id(),
                    h.type() == null ? "" : h.type(), h.number() == null ? "" : h.number(),
                    h.subject() == null ? h.fileName() : h.subject(), h.date() == null ? "?" : h.date(), h.score(),
                    plain(h.snippet()));
        }
        return 0;
    }

    private static String plain(String html) {
        return html.replace("<mark>", "[").replace("</mark>", "]").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }
}
