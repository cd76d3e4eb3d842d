package vn.vanban.cli;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchService;

/** Prints ranked hits with highlighted snippets. */
@Command(name = "search", description = "Search the repository; matched words are shown in [brackets].")
public class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "words, \"phrases\", -excluded, OR, or a số ký hiệu; none to browse by filters")
    String[] words = new String[0];

    @Option(names = "--type", description = "loại văn bản, e.g. \"Quyết định\"")
    String type;

    @Option(names = "--issuer", description = "cơ quan ban hành, as the facet shows it")
    String issuer;

    @Option(names = "--province", description = "province, e.g. \"Bắc Kạn\" or \"Trung ương\"")
    String province;

    @Option(names = "--field", description = "lĩnh vực, as the facet shows it")
    String field;

    @Option(names = "--year", description = "year issued, or a range: 2019, 2018-2020")
    String year;

    @Option(names = "--draft", description = "true: drafts only; false: final documents only")
    Boolean draft;

    @Option(names = "--has-deadlines", description = "true: documents that set deadlines")
    Boolean hasDeadlines;

    @Option(names = "--validity", description = "validity: con_hieu_luc, chua_co_hieu_luc, het_hieu_luc_mot_phan, "
            + "het_hieu_luc_toan_bo or chua_xac_dinh")
    String validity;

    @Option(names = "--tag", description = "documents carrying this tag")
    String tag;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance, newest or oldest")
    String sort;

    @Option(names = "--facets", description = "print the facet counts too")
    boolean facets;

    @Option(names = {"-n", "--size"}, defaultValue = "10", description = "hits to show (default 10)")
    int size;

    @Inject
    vn.vanban.search.DocumentSearch search;

    @Override
    public Integer call() {
        Integer yearFrom = null;
        Integer yearTo = null;
        if (year != null) {
            String[] range = year.split("-", 2);
            yearFrom = Integer.valueOf(range[0].strip());
            yearTo = range.length > 1 ? Integer.valueOf(range[1].strip()) : yearFrom;
        }
        SearchResult r = search.search(new SearchRequest(String.join(" ", words), type, issuer, province, field,
                yearFrom, yearTo, null, null, draft, hasDeadlines, validity, SearchRequest.Sort.parse(sort), 0,
                Math.min(size, SearchService.MAX_PAGE_SIZE), tag));
        print(r, facets, System.out);
        return 0;
    }

    /**
     * Prints {@code r} as the command does: the count, what the query's numbers found, suggestions, the facet counts
     * when asked, the ranked hits.
     */
    public static void print(SearchResult r, boolean facets, java.io.PrintStream out) {
        out.printf("%d documents match%n", r.total());
        for (SearchResult.NumberFound n : r.numbers()) {
            out.println(n.held() > 0
                    ? String.format("  %s: %d held document(s) bear it (first), %d cite it", n.number(), n.held(), n.citing())
                    : String.format("  %s: not held; %d document(s) cite it (vanban cites \"%s\")", n.number(), n.citing(), n.number()));
        }
        if (!r.suggestions().isEmpty()) {
            out.println("  try: " + String.join(" | ", r.suggestions()));
        }
        if (facets) {
            r.facets().forEach((dim, values) -> out.printf("  %s: %s%n", dim, String.join(", ",
                    values.stream().map(v -> v.value() + " (" + v.count() + ")").toList())));
        }
        int rank = 1;
        for (SearchHit h : r.hits()) {
            out.printf("%2d. [%d] %s %s %s (%s) score %.2f%n    %s%n", rank++, h.id(),
                    h.type() == null ? "" : h.type(), h.number() == null ? "" : h.number(),
                    h.subject() == null ? h.fileName() : h.subject(), h.date() == null ? "?" : h.date(), h.score(),
                    plain(h.snippet()));
        }
    }

    private static String plain(String html) {
        return org.unbescape.html.HtmlEscape.unescapeHtml(html.replace("<mark>", "[").replace("</mark>", "]"))
                .replaceAll("\\s+", " ");
    }
}
