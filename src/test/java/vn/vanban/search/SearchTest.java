package vn.vanban.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.vanban.ingest.IngestService;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** Search behaviour on the dev documents plus small documents made to test one ranking rule each. */
class SearchTest extends SearchFixture {

    @Override
    void documents() {
        for (var p : Fixtures.files("dev")) {
            ids.put(p.getFileName().toString().substring(0, 3), ingest.ingestFile(p, false).id());
        }
        add("accented", "Quyết định về việc giao chỉ tiêu kế hoạch năm 2024 cho các đơn vị.");
        add("unaccented", "Quyet dinh ve viec giao chi tieu ke hoach nam 2024 cho cac don vi.");
        add("phrase", "Kế hoạch phát triển công nghệ thông tin của tỉnh trong giai đoạn mới.");
        add("scattered", "Công tác thông tin cơ sở; nghệ thuật quần chúng; công chức tin học hóa văn phòng.");
        add("oldtone", "Báo cáo kết quả hoà mạng và thuỷ lợi của xã trong Qúy I.");
        // a table's cells run together, as PDF layout leaves them: 1,500 characters without a sentence break
        add("longrun", ("Phòng Tài nguyên, Phòng Kinh tế, Phòng Nội vụ, Phòng Tư pháp, Phòng Y tế, ").repeat(10)
                + "quản lý khoáng sản, " + ("Trung tâm Văn hóa, Trung tâm Y tế, Ban Quản lý dự án, Đài Truyền thanh, ").repeat(10));
        add("storm", "Khu neo đậu tránh trú bão cho tàu cá; phòng, chống bão, lũ và thiên tai.");
        add("insurance", "Chế độ bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; bảo đảm quyền lợi.");
        add("rare", "Bảo tồn các loài động vật quý, hiếm trong khu bảo tồn.");
        add("press", "Ứng dụng công nghệ thông tin trong cơ quan báo chí.");
        add("it", "Ứng dụng công nghệ thông tin trong cơ quan nhà nước, bảo đảm an toàn thông tin.");
        for (Abbreviations.Entry e : Abbreviations.load().entries()) {
            add("abbr-" + e.abbr(), "Văn bản mẫu: " + e.example() + ".");
        }
    }

    @Test
    void wordsWithoutDiacriticsFindAccentedText() {
        List<Long> hits = top("quyet dinh");
        assertTrue(hits.contains(ids.get("accented")));
        assertTrue(hits.contains(ids.get("000")), "the Hướng dẫn cites Quyết định số 2099/QĐ-UBND");
    }

    @Test
    void accentedQueryRanksAccentedTextFirst() {
        List<Long> hits = top("Quyết định giao chỉ tiêu");
        int accented = hits.indexOf(ids.get("accented"));
        int unaccented = hits.indexOf(ids.get("unaccented"));
        assertTrue(accented >= 0 && unaccented > accented, "accented above unaccented: " + hits);
        List<Long> folded = top("quyet dinh giao chi tieu");
        assertTrue(folded.contains(ids.get("accented")) && folded.contains(ids.get("unaccented")), folded.toString());
    }

    @Test
    void phraseOutranksScatteredSyllables() {
        List<Long> hits = top("công nghệ thông tin");
        assertTrue(hits.indexOf(ids.get("phrase")) >= 0);
        assertTrue(hits.indexOf(ids.get("scattered")) < 0 || hits.indexOf(ids.get("phrase")) < hits.indexOf(ids.get("scattered")), hits.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2099/QĐ-UBND", "2099/QD-UBND", "2099/qđ-ubnd", "2099 QĐ-UBND", "2099 / QĐ-UBND"})
    void numbersInAnySpellingFindTheCitingDocument(String q) {
        assertEquals(ids.get("000"), top(q).get(0));
    }

    @Test
    void ownNumberGoesStraightToTheDocument() {
        assertEquals(ids.get("000"), top("43/HD-STTTT").get(0));
    }

    @Test
    void normativeNumberFoundWithOrWithoutItsYear() {
        assertTrue(top("45/QĐ-TTg").contains(ids.get("000")));
        assertTrue(top("45/2016/QĐ-TTg").contains(ids.get("000")));
    }

    @Test
    void nfdQueryMatchesNfcText() {
        assertEquals(top("Hướng dẫn nhiệm vụ trọng tâm"), top(Normalizer.normalize("Hướng dẫn nhiệm vụ trọng tâm", Normalizer.Form.NFD)));
    }

    @Test
    void oldAndNewTonePlacementMatch() {
        assertTrue(top("hòa mạng thủy lợi").contains(ids.get("oldtone")));
        assertTrue(top("Quý I").contains(ids.get("oldtone")));
    }

    @Test
    void abbreviationsMatchTheirExpansionsBothWays() {
        for (Abbreviations.Entry e : Abbreviations.load().entries()) {
            long id = ids.get("abbr-" + e.abbr());
            assertTrue(top(e.abbr()).contains(id), e.abbr() + " finds [" + e.example() + "]");
            assertTrue(top(e.expansion()).contains(id), e.expansion() + " finds [" + e.example() + "]");
        }
        // the other way: the expansion finds a text that only has the abbreviation
        assertTrue(top("ủy ban nhân dân tỉnh").contains(ids.get("000")), "the Hướng dẫn writes UBND tỉnh");
    }

    @Test
    void quotedPhrasesNotAndOr() {
        List<Long> phrase = top("\"công nghệ thông tin\"");
        assertTrue(phrase.contains(ids.get("phrase")));
        assertTrue(!phrase.contains(ids.get("scattered")), "scattered syllables do not make the phrase");
        List<Long> without = top("quyet dinh -chi");
        assertTrue(!without.contains(ids.get("accented")) && !without.contains(ids.get("unaccented")), without.toString());
        List<Long> either = top("thủy lợi OR \"viết thư quốc tế\"");
        assertTrue(either.contains(ids.get("oldtone")) && either.contains(ids.get("000")), either.toString());
        assertTrue(top("thủy lợi AND hòa mạng").contains(ids.get("oldtone")));
    }

    @Test
    void theAccentsTypedDecideTheOrder() {
        List<Long> storm = top("bão");
        assertEquals(ids.get("storm"), storm.get(0), "bão first, then the bảo: " + storm);
        assertTrue(storm.contains(ids.get("insurance")), "typed with accents, other spellings still match: " + storm);
        assertEquals(ids.get("insurance"), top("bảo hiểm").get(0));
        // typed without them: the reading the best matches print ("bảo hiểm") ranks first, as if typed with them
        assertEquals(top("bảo hiểm").subList(0, 1), top("bao hiem").subList(0, 1));
    }

    @Test
    void twoSyllablesStandTogetherAndNeverAcrossPunctuation() {
        List<Long> hits = top("bảo hiểm");
        assertTrue(hits.contains(ids.get("insurance")), hits.toString());
        assertTrue(!hits.contains(ids.get("rare")), "'Bảo tồn … quý, hiếm' holds both syllables, not the word: " + hits);
        assertTrue(!top("\"quý hiếm\"").contains(ids.get("rare")), "no phrase across a comma");
        assertTrue(top("quý, hiếm").contains(ids.get("rare")), "typed with its comma, it is found");
        // an abbreviation among two words keeps its expansion: "UBND tỉnh" finds "Ủy ban nhân dân tỉnh"
        assertTrue(top("UBND tỉnh").contains(ids.get("abbr-UBND")), "its example reads 'Ủy ban nhân dân tỉnh Bắc Kạn'");
    }

    @Test
    void aWordLeftOutWithItsAccentsLeavesOutOnlyThatSpelling() {
        List<Long> hits = top("\"công nghệ thông tin\" -báo");
        assertTrue(hits.contains(ids.get("it")) && !hits.contains(ids.get("press")), hits.toString());
        List<Long> plain = top("\"cong nghe thong tin\" -bao");
        assertTrue(!plain.contains(ids.get("it")) && !plain.contains(ids.get("press")), "without accents: every spelling " + plain);
    }

    @Test
    void snippetsHighlightAndEscape() {
        SearchResult r = search.search("thong tin co so", 0, 3);
        assertFalse(r.hits().isEmpty());
        String snippet = r.hits().get(0).snippet();
        assertTrue(snippet.contains("<mark>"), snippet);
        assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), "only our tags: " + snippet);
        for (SearchHit h : r.hits()) {
            // two passages around the matches, not the pages-long "sentences" of a document's header and tables
            String text = h.snippet().replaceAll("</?mark>", "").replaceAll("&(#x?[0-9A-Fa-f]+|[a-z]+);", "&");
            for (String passage : text.split(" … ")) {
                assertTrue(passage.length() <= 3 * SearchService.PASSAGE_CHARS, passage.length() + ": " + passage);
            }
            assertTrue(text.split(" … ").length <= 2, text);
        }
    }

    @Test
    void aSnippetIsAPassageAroundTheMatchNotAPageLongSentence() {
        SearchResult r = search.search("khoang san", 0, 10);
        SearchHit hit = r.hits().stream().filter(h -> h.id() == ids.get("longrun")).findFirst().orElseThrow();
        String text = hit.snippet().replaceAll("</?mark>", "").replaceAll("&(#x?[0-9A-Fa-f]+|[a-z]+);", "&");
        assertTrue(hit.snippet().contains("<mark>khoáng</mark>"), hit.snippet());
        assertTrue(text.length() <= 3 * SearchService.PASSAGE_CHARS, text.length() + ": " + text);
    }

    @Test
    void pagingAndTotals() {
        SearchResult all = search.search("thong tin", 0, 100);
        SearchResult second = search.search("thong tin", 1, 2);
        assertEquals(all.total(), second.total());
        assertEquals(all.hits().subList(2, 4).stream().map(SearchHit::id).toList(),
                second.hits().stream().map(SearchHit::id).toList());
    }
}
