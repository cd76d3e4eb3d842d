package vn.vanban.cli;

import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.vanban.citation.CitationQueries;

/** Shows a cited document and every document citing it, with the sentence. */
@Command(name = "cites", description = "Show who cites a document: vanban cites 2099/QĐ-UBND [--year 2018]")
public class CitesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NUMBER", description = "số ký hiệu in any spelling")
    String number;

    @Option(names = "--year", description = "the year, for numbers that restart every year")
    Integer year;

    @Inject
    CitationQueries queries;

    @Override
    public Integer call() {
        List<CitationQueries.Cited> found = queries.byNumber(number, year);
        if (found.isEmpty()) {
            System.out.println("chưa văn bản nào trong kho dẫn chiếu số " + number + (year == null ? "" : " năm " + year));
            return 1;
        }
        for (CitationQueries.Cited c : found) {
            System.out.printf("%s %s%s%s%s — %s, %d văn bản dẫn chiếu%n", c.type(), c.number(),
                    c.date() == null ? "" : " ngày " + c.date(), c.issuer() == null ? "" : " của " + c.issuer(),
                    c.title() == null ? "" : " " + c.title(),
                    c.held() ? "có trong kho, mã số " + c.heldDocumentId() : "chưa có trong kho", c.citingDocuments());
            var s = c.standing();
            if (s.validity() != null) {
                var v = s.validity().derived();
                System.out.printf("  hiệu lực: %s%s%s%s%n", s.validity().label(), v.inForce() == null ? "" : "; có hiệu lực từ " + v.inForce(),
                        v.by() == null ? "" : "; " + (v.articles() == null ? "" : v.articles() + " ") + "từ " + v.since() + " theo " + v.by(),
                        s.validity().correction() == null ? "" : " (sửa tay bởi " + s.validity().correction().editor() + ")");
            }
            for (var l : s.about()) {
                System.out.printf("  %s bởi %s%s%s%n", l.relation(), l.doer(), l.effective() == null ? "" : " từ " + l.effective(),
                        l.declared() ? " (theo danh mục " + l.statedInNumber() + ")" : "");
            }
            for (CitationQueries.Citing x : c.citedBy()) {
                System.out.printf("  [%d] %s (%s): %s%n", x.documentId(), x.number() == null ? x.fileName() : x.number(),
                        x.relation(), x.sentence().replaceAll("\\s+", " "));
            }
        }
        return 0;
    }
}
