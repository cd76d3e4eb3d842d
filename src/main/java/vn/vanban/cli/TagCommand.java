package vn.vanban.cli;

import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.vanban.auth.AuditLog;
import vn.vanban.organize.SavedSearches;
import vn.vanban.organize.Tagging;
import vn.vanban.organize.Tags;

/** Tags documents by id or every result of a search, takes a tag off, or lists the tags. */
@Command(name = "tag", description = {"Tag documents: vanban tag TAG ID... | vanban tag TAG --search \"q=...&type=...\" |",
        "vanban tag TAG --remove ID... | vanban tag (lists the tags with their counts)"})
public class TagCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TAG", description = "the tag")
    String tag;

    @Parameters(index = "1..*", paramLabel = "ID", description = "document ids")
    List<Long> ids = List.of();

    @Option(names = "--search", paramLabel = "QUERY", description = "tag every result of this search (the search page's query string, e.g. \"q=chuyển đổi số&type=Kế hoạch\")")
    String search;

    @Option(names = "--remove", description = "take the tag off the documents ID... instead")
    boolean remove;

    @Inject
    Tags tags;

    @Inject
    Tagging tagging;

    @Inject
    AuditLog audit;

    @Override
    public Integer call() {
        if (tag == null) {
            List<Tags.TagCount> all = tags.counts();
            if (all.isEmpty()) {
                System.out.println("chưa có thẻ nào");
            }
            all.forEach(t -> System.out.println(t.tag() + ": " + t.documents() + " văn bản"));
            return 0;
        }
        if (ids.isEmpty() == (search == null)) {
            System.err.println("lỗi: cho mã văn bản (ID...) hoặc --search, một trong hai");
            return 2;
        }
        String user = "cli:" + System.getProperty("user.name", "?");
        if (remove) {
            int n = 0;
            for (long id : ids) {
                if (tagging.remove(id, tag)) {
                    audit.record(user, null, "tag.remove", "document " + id, tag, null);
                    n++;
                }
            }
            System.out.println("đã bỏ thẻ “" + tag.strip() + "” khỏi " + n + " văn bản");
            return 0;
        }
        if (search != null) {
            Tagging.Bulk b = tagging.tagResults(user, SavedSearches.params(search), tag);
            audit.record(user, null, "tag.bulk", "search " + search, null, tag + " (" + b.tagged() + ")");
            System.out.println("đã gắn thẻ “" + Tags.clean(tag) + "” cho " + b.tagged() + " văn bản (" + b.matched() + " kết quả)");
        } else {
            List<Long> gained = tagging.add(user, ids, tag);
            audit.record(user, null, "tag.bulk", "documents " + ids, null, tag + " (" + gained.size() + ")");
            System.out.println("đã gắn thẻ “" + Tags.clean(tag) + "” cho " + gained.size() + " văn bản");
        }
        return 0;
    }
}
