package vn.vanban.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.vanban.normalize.TextNormalizer;

/**
 * The same header and signature block laid out as real copies lay them out — one field a line, the whole header on
 * one line (web copies), markdown pipe cells, tab cells (Word tables), two columns read across (PDF), with a
 * digital-signature stamp or a portal's banner in front — gives the same metadata.
 */
class MetadataLayoutsTest {

    static final MetadataExtractor EXTRACTOR = new MetadataExtractor(new DocumentTypes());
    static final TextNormalizer NORMALIZER = new TextNormalizer();

    static final String BODY = """
            Căn cứ Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của UBND tỉnh Bắc Kạn;
            Sở Thông tin và Truyền thông hướng dẫn nhiệm vụ trọng tâm năm 2019 như sau:
            1. Tổ chức tuyên truyền các sự kiện chính trị của tỉnh.
            """;

    static Map<String, String> layouts() {
        return Map.of(
                "lines", """
                        UBND TỈNH BẮC KẠN
                        SỞ THÔNG TIN VÀ TRUYỀN THÔNG
                        Số: 43/HD-STTTT
                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                        Độc lập - Tự do - Hạnh phúc
                        Bắc Kạn, ngày 11 tháng 01 năm 2019
                        HƯỚNG DẪN
                        Nhiệm vụ trọng tâm công tác thông tin truyền thông năm 2019
                        """ + BODY + """
                        Nơi nhận:
                        - UBND các huyện, thành phố;
                        - Lưu: VT.
                        GIÁM ĐỐC
                        Hà Văn Tiến
                        """,
                "one line", "UBND TỈNH BẮC KẠN SỞ THÔNG TIN VÀ TRUYỀN THÔNG ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
                        + "Độc lập - Tự do - Hạnh phúc --------------- Số: 43/HD-STTTT Bắc Kạn, ngày 11 tháng 01 năm 2019 "
                        + "HƯỚNG DẪN NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÔNG TIN TRUYỀN THÔNG NĂM 2019 GIÁM ĐỐC SỞ THÔNG TIN VÀ "
                        + "TRUYỀN THÔNG\n" + BODY + "Nơi nhận: - UBND các huyện, thành phố; - Lưu: VT. GIÁM ĐỐC Hà Văn Tiến\n",
                "markdown cells", """
                        | **UBND TỈNH BẮC KẠN**<br>**SỞ THÔNG TIN VÀ TRUYỀN THÔNG** ------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc --------------- |
                        |---|---|
                        | Số: 43/HD-STTTT | *Bắc Kạn, ngày 11 tháng 01 năm 2019* |

                        **HƯỚNG DẪN**
                        Nhiệm vụ trọng tâm công tác thông tin truyền thông năm 2019
                        """ + BODY + """
                        | **Nơi nhận:** - UBND các huyện, thành phố; - Lưu: VT. | **GIÁM ĐỐC** **Hà Văn Tiến** |
                        """,
                "tab cells", "\tUBND TỈNH BẮC KẠN\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n-------\n\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                        + "Độc lập - Tự do - Hạnh phúc\n\tSố: 43/HD-STTTT\n\tBắc Kạn, ngày 11 tháng 01 năm 2019\n\n"
                        + "HƯỚNG DẪN\nNhiệm vụ trọng tâm công tác thông tin truyền thông năm 2019\n" + BODY
                        + "\tNơi nhận:\n- UBND các huyện, thành phố;\n- Lưu: VT.\n\tGIÁM ĐỐC\n\n\n\nHà Văn Tiến\n",
                "pdf columns", """
                        UBND TỈNH BẮC KẠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

                        SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc

                        Số: 43/HD-STTTT Bắc Kạn, ngày 11 tháng 01 năm 2019

                        HƯỚNG DẪN

                        Nhiệm vụ trọng tâm công tác thông tin truyền thông

                        năm 2019

                        """ + BODY + """

                        Nơi nhận: GIÁM ĐỐC

                        - UBND các huyện, thành phố;

                        - Lưu: VT. Hà Văn Tiến
                        """,
                "signed pdf", """
                        Ký bởi: Sở Thông tin và Truyền thông
                        Email: stttt@backan.gov.vn
                        Cơ quan: Tỉnh Bắc Kạn
                        Ngày ký: 11.01.2019 10:05:00 +07:00
                        UBND TỈNH BẮC KẠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                        SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc
                        Số: 43/HD-STTTT Bắc Kạn, ngày 11 tháng 01 năm 2019
                        HƯỚNG DẪN
                        Nhiệm vụ trọng tâm công tác thông tin truyền thông năm 2019
                        """ + BODY + """
                        Nơi nhận: GIÁM ĐỐC
                        - UBND các huyện, thành phố;
                        - Lưu: VT. Hà Văn Tiến
                        """,
                "portal banner", "Hướng dẫn 43/HD-STTTT năm 2019 về nhiệm vụ trọng tâm do Sở Thông tin và Truyền thông "
                        + "Bắc Kạn ban hành. UBND TỈNH BẮC KẠN SỞ THÔNG TIN VÀ TRUYỀN THÔNG -------\n"
                        + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
                        + "Số: 43/HD-STTTT\nBắc Kạn, ngày 11 tháng 01 năm 2019 HƯỚNG DẪN NHIỆM VỤ TRỌNG TÂM CÔNG TÁC "
                        + "THÔNG TIN TRUYỀN THÔNG NĂM 2019\n" + BODY + "Nơi nhận:\n- UBND các huyện;\n- Lưu: VT.\n"
                        + "GIÁM ĐỐC Hà Văn Tiến\n");
    }

    static java.util.stream.Stream<String> layoutNames() {
        return layouts().keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layoutNames")
    void sameMetadataWhateverTheLayout(String layout) {
        DocumentMetadata m = EXTRACTOR.extract(NORMALIZER.normalize(layouts().get(layout)));
        assertEquals("43/HD-STTTT", m.number(), layout);
        assertEquals("Hướng dẫn", m.type(), layout);
        assertEquals("Bắc Kạn", m.place(), layout);
        assertEquals("2019-01-11", m.date(), layout);
        assertEquals("nhiệm vụ trọng tâm công tác thông tin truyền thông năm 2019", lower(m.subject()), layout);
        assertEquals("Hà Văn Tiến", m.signerName(), layout);
        assertEquals("Giám đốc", m.signerTitle(), layout);
        assertEquals("Sở Thông tin và Truyền thông", m.issuer(), layout);
    }

    @Test
    void theAuthorityLineIsCutFromTheTitleButAnOrganInsideTheSubjectStays() {
        DocumentMetadata m = extract("BỘ Y TẾ ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
                + "Số: 3176/QĐ-BYT\nHà Nội, ngày 29 tháng 10 năm 2024 QUYẾT ĐỊNH SỬA ĐỔI QUYẾT ĐỊNH SỐ 4750/QĐ-BYT CỦA BỘ "
                + "TRƯỞNG BỘ Y TẾ VỀ DỮ LIỆU ĐẦU RA, THANH TOÁN CHI PHÍ KHÁM BỆNH BỘ TRƯỞNG BỘ Y TẾ\nCăn cứ Luật Khám bệnh;\n");
        assertEquals("3176/QĐ-BYT", m.number());
        assertEquals("Quyết định", m.type());
        assertEquals("SỬA ĐỔI QUYẾT ĐỊNH SỐ 4750/QĐ-BYT CỦA BỘ TRƯỞNG BỘ Y TẾ VỀ DỮ LIỆU ĐẦU RA, THANH TOÁN CHI PHÍ KHÁM BỆNH",
                m.subject());
        DocumentMetadata chair = extract("ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: 254/QĐ-UBND\nSơn La, ngày 17 tháng 02 năm 2023\n"
                + "QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật;\n");
        assertEquals("BAN HÀNH KẾ HOẠCH BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023", chair.subject());
    }

    @Test
    void anIssuerIsTheBodyAsOfficiallyWrittenWhereverItsNameWraps() {
        String rest = "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 25 tháng 01 năm 2022\n"
                + "THÔNG TƯ\nHướng dẫn thu thập thông tin\nCăn cứ Luật Việc làm;\n";
        // a name wrapped onto a second line, in capitals: one body, its capitals as the table writes them
        assertEquals("Bộ Lao động - Thương binh và Xã hội",
                extract("BỘ LAO ĐỘNG - THƯƠNG\nBINH VÀ XÃ HỘI\nSố: 01/2022/TT-BLĐTBXH" + rest).issuer());
        assertEquals("Ngân hàng Nhà nước Việt Nam", extract("NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM\nSố: 13/2026/TT-NHNN" + rest).issuer());
        assertEquals("Chính phủ", extract("CHÍNH PHỦ\nSố: 12/2022/NĐ-CP" + rest).issuer());
        assertEquals("Văn phòng Quốc hội", extract("VĂN PHÒNG QUỐC HỘI\nSố: 28/VBHN-VPQH" + rest).issuer());
        // an organ word inside a ministry's name starts no second body
        assertEquals("Bộ Nội vụ", extract("BỘ NỘI VỤ\nSố: 03/2021/TT-BNV" + rest).issuer());
        assertEquals("Bộ Quốc phòng", extract("BỘ QUỐC PHÒNG\nSố: 90/2025/TT-BQP" + rest).issuer());
        // a consolidated text's heading is no body: the body after it is
        assertEquals("Bộ Lao động - Thương binh và Xã hội",
                extract("VĂN BẢN HỢP NHẤT -\nBỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 2022/VBHN-BLĐTBXH" + rest).issuer());
        // a local department shares its ministry's field name and its capitals
        assertEquals("Sở Lao động - Thương binh và Xã hội",
                extract("UBND TỈNH CAO BẰNG\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 15/KH-SLĐTBXH" + rest).issuer());
    }

    @Test
    void aLetterSubjectRunsToTheDateOrItsCell() {
        DocumentMetadata m = extract("BỘ KẾ HOẠCH VÀ ĐẦU TƯ ----------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
                + "Hạnh phúc\nSố: 3397/BKHĐT-QLKTTW V/v hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014 Hà Nội, ngày 23 "
                + "tháng 5 năm 2019 Kính gửi: Tổng công ty Khí Việt Nam\nPhúc đáp Công văn số 615/KVN-PC.\n");
        assertEquals("3397/BKHĐT-QLKTTW", m.number());
        assertEquals("Công văn", m.type());
        assertEquals("hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014", m.subject());
        assertEquals("2019-05-23", m.date());
    }

    @Test
    void aNumberLeftBlankGivesTheSymbolAndABlankDayTheMonth() {
        DocumentMetadata m = extract("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI Độc lập - Tự do - "
                + "Hạnh phúc\nSố:             /TB-UBND  Quảng Ngãi, ngày        tháng 11 năm 2024\nTHÔNG BÁO\n"
                + "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp\n\nNgày 12/11/2024, tại trụ sở UBND tỉnh.\n");
        assertNull(m.number());
        assertEquals("TB-UBND", m.symbol());
        assertEquals("2024-11", m.date());
        assertEquals("Thông báo", m.type());
        assertEquals("Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp", m.subject());
    }

    @Test
    void aConsolidatedTextIsNumberedWhereItIsAuthenticatedAndALawDatedWhenPassed() {
        DocumentMetadata vbhn = extract("VĂN BẢN HỢP NHẤT - BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                + "Độc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nBan hành Danh mục thuốc\n\nThông tư số 05/2015/TT-BYT ngày 17 "
                + "tháng 3 năm 2015 của Bộ trưởng Bộ Y tế ban hành Danh mục thuốc, có hiệu lực kể từ ngày 01 tháng 5 năm "
                + "2015 được sửa đổi, bổ sung bởi Thông tư số 50/2017/TT-BYT.\nĐiều 1. Phạm vi.\nBỘ Y TẾ\nSố: 04/VBHN-BYT\n"
                + "XÁC THỰC VĂN BẢN HỢP NHẤT\n"
                + "Hà Nội, ngày 13 tháng 4 năm 2018\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhạm Lê Tuấn\n");
        assertEquals("04/VBHN-BYT", vbhn.number());
        assertEquals("Bộ Y tế", vbhn.issuer());
        // a PDF puts the authenticating body and the heading on one line
        DocumentMetadata pdf = extract("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLUẬT\nAN TOÀN LAO ĐỘNG\n"
                + "Điều 1. Phạm vi.\nVĂN PHÒNG QUỐC HỘI XÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 28/VBHN-VPQH Hà Nội, ngày 29 tháng 6 "
                + "năm 2020\nCHỦ NHIỆM\nNguyễn Hạnh Phúc\n");
        assertEquals("28/VBHN-VPQH", pdf.number());
        assertEquals("văn phòng quốc hội", pdf.issuer().toLowerCase(Locale.ROOT));
        assertEquals("Văn bản hợp nhất", vbhn.type());
        assertEquals("2018-04-13", vbhn.date());
        assertEquals("Ban hành Danh mục thuốc", vbhn.subject());
        DocumentMetadata law = extract("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQUỐC HỘI\n"
                + "Luật số: 51/2024/QH15\nLUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT BẢO HIỂM Y TẾ\nCăn cứ Hiến pháp;\n"
                + "Luật này được Quốc hội khóa XV, kỳ họp thứ 8 thông qua ngày 27 tháng 11 năm 2024.\nCHỦ TỊCH QUỐC HỘI\n"
                + "Trần Thanh Mẫn\n");
        assertEquals("51/2024/QH15", law.number());
        assertEquals("Luật", law.type());
        assertEquals("2024-11-27", law.date());
        assertEquals("Trần Thanh Mẫn", law.signerName());
    }

    private static DocumentMetadata extract(String text) {
        return EXTRACTOR.extract(NORMALIZER.normalize(text));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
