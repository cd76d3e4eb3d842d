package vn.vanban.bench;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.extract.MetadataExtractor;
import vn.vanban.normalize.TextNormalizer;

/**
 * Builds a large corpus for benchmarks from real texts recombined: each document has a Nghị định 30 header with a
 * varied issuer, province, number and date, a trích yếu taken from a real document, and a body of runs of real
 * paragraphs (which keep their citations, deadlines and tasks), sometimes citing an earlier generated document.
 * The same seed and sources give the same files, byte for byte.
 */
@Command(name = "generate", description = "Build a benchmark corpus from real texts: vanban generate --from ../shared/corpus/gazette "
        + "--from ../shared/corpus/dev --count 100000 --seed 42 --out /tmp/corpus100k")
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, description = "folder of real texts to recombine (repeatable)")
    List<Path> sources;

    @Option(names = "--out", required = true, description = "folder to write into (created; files are gen-SEED-N.txt in folders of 1000)")
    Path out;

    @Option(names = "--count", defaultValue = "100000", description = "documents to write (default 100000)")
    int count;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default 42)")
    long seed;

    @Inject
    TextNormalizer normalizer;

    @Inject
    MetadataExtractor metadata;

    static final List<String> PROVINCES = List.of("Bắc Kạn", "Cao Bằng", "Thái Bình", "Bắc Giang", "Lạng Sơn", "Hà Giang",
            "Tuyên Quang", "Lào Cai", "Yên Bái", "Thái Nguyên", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên",
            "Nam Định", "Ninh Bình", "Hà Nam", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam",
            "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk",
            "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An",
            "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang",
            "Sóc Trăng", "Bạc Liêu", "Cà Mau", "Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình", "Quảng Ninh");

    /** Issuing bodies of a province: block lines, the code in the symbol, the signer's title. */
    private record Body(String line1, String line2, String code, String signer) {
    }

    private static final List<Body> BODIES = List.of(
            new Body("ỦY BAN NHÂN DÂN", "TỈNH %s", "UBND", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
            new Body("UBND TỈNH %s", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT", "GIÁM ĐỐC"),
            new Body("UBND TỈNH %s", "SỞ TÀI CHÍNH", "STC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
            new Body("UBND TỈNH %s", "SỞ NỘI VỤ", "SNV", "GIÁM ĐỐC"),
            new Body("UBND TỈNH %s", "SỞ Y TẾ", "SYT", "GIÁM ĐỐC"),
            new Body("UBND TỈNH %s", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
            new Body("UBND TỈNH %s", "SỞ TƯ PHÁP", "STP", "GIÁM ĐỐC"));

    /** Types of local documents with their symbol code and how often they occur. */
    private record Kind(String name, String code, int weight) {
    }

    private static final List<Kind> KINDS = List.of(new Kind("Công văn", "", 30), new Kind("Quyết định", "QĐ", 15),
            new Kind("Kế hoạch", "KH", 15), new Kind("Báo cáo", "BC", 15), new Kind("Hướng dẫn", "HD", 8),
            new Kind("Thông báo", "TB", 8), new Kind("Chỉ thị", "CT", 3), new Kind("Tờ trình", "TTr", 6));

    private static final List<String> SURNAMES = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ");
    private static final List<String> MIDDLE = List.of("Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc");
    private static final List<String> GIVEN = List.of("An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Sơn", "Tâm", "Trung");

    /** A generator configured in code (tests and the hardening runs use it without the command line). */
    public static GenerateCommand of(List<Path> sources, Path out, int count, long seed, TextNormalizer normalizer,
                                     MetadataExtractor metadata) {
        GenerateCommand g = new GenerateCommand();
        g.sources = sources;
        g.out = out;
        g.count = count;
        g.seed = seed;
        g.normalizer = normalizer;
        g.metadata = metadata;
        return g;
    }

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path s : sources) {
            try (Stream<Path> w = Files.walk(s)) {
                w.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
            }
        }
        List<List<String>> bodies = new ArrayList<>(); // per source: its body paragraphs
        List<String> subjects = new ArrayList<>();
        for (Path f : files) {
            String text = normalizer.normalize(Files.readString(f, StandardCharsets.UTF_8));
            DocumentMetadata m = metadata.extract(text);
            if (m.subject() != null && m.subject().length() >= 20 && m.subject().length() <= 250) {
                subjects.add(m.subject());
            }
            List<String> paragraphs = new ArrayList<>();
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.length() >= 60 && l.length() <= 1500 && !l.equals(l.toUpperCase(Locale.ROOT))) {
                    paragraphs.add(l);
                }
            }
            if (paragraphs.size() >= 5) {
                bodies.add(paragraphs);
            }
        }
        if (bodies.isEmpty() || subjects.isEmpty()) {
            System.err.println("error: no usable text in " + sources);
            return 1;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> earlier = new ArrayList<>(); // "số ký hiệu ngày d/m/y" of generated documents, to cite
        long bytes = 0;
        int totalWeight = KINDS.stream().mapToInt(Kind::weight).sum();
        for (int i = 0; i < count; i++) {
            String province = PROVINCES.get(rnd.nextInt(PROVINCES.size()));
            Body body = BODIES.get(rnd.nextInt(BODIES.size()));
            Kind kind = pick(rnd, totalWeight);
            int year = 2015 + rnd.nextInt(12);
            int month = 1 + rnd.nextInt(12);
            int day = 1 + rnd.nextInt(28);
            int number = 1 + rnd.nextInt(kind.code().isEmpty() ? 6000 : 3000);
            String symbol = kind.code().isEmpty() ? body.code() + "-" + List.of("VP", "TH", "KT", "VX", "NC").get(rnd.nextInt(5))
                    : kind.code() + "-" + body.code();
            String subject = subjects.get(rnd.nextInt(subjects.size()));
            StringBuilder b = new StringBuilder(8192);
            b.append(String.format(body.line1(), province.toUpperCase(Locale.ROOT))).append('\n')
                    .append(String.format(body.line2(), province.toUpperCase(Locale.ROOT))).append('\n')
                    .append("Số: ").append(number).append('/').append(symbol).append('\n')
                    .append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n")
                    .append(province).append(", ngày ").append(two(day)).append(" tháng ").append(two(month))
                    .append(" năm ").append(year).append("\n\n");
            if (kind.code().isEmpty()) {
                b.append("V/v ").append(Character.toLowerCase(subject.charAt(0))).append(subject.substring(1)).append("\n\n");
            } else {
                b.append(kind.name().toUpperCase(Locale.ROOT)).append('\n').append(Character.toUpperCase(subject.charAt(0)))
                        .append(subject.substring(1)).append("\n\n");
            }
            String cited = earlier.isEmpty() || rnd.nextInt(3) != 0 ? null : earlier.get(rnd.nextInt(earlier.size()));
            if (cited != null && Integer.parseInt(cited.substring(0, 4)) <= year) { // only documents issued before
                cited = cited.substring(5);
                b.append("Thực hiện ").append(cited).append(", ").append(body.line2().contains("%s") ? "Ủy ban nhân dân tỉnh"
                        : "Sở").append(" triển khai như sau:\n");
            }
            // runs of real paragraphs from two sources
            int runs = 1 + rnd.nextInt(2);
            for (int r = 0; r < runs; r++) {
                List<String> src = bodies.get(rnd.nextInt(bodies.size()));
                int len = Math.min(src.size(), 3 + rnd.nextInt(12));
                int from = rnd.nextInt(src.size() - len + 1);
                for (int k = from; k < from + len; k++) {
                    b.append(src.get(k)).append('\n');
                }
            }
            b.append("\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n").append(body.signer()).append("\n\n")
                    .append(SURNAMES.get(rnd.nextInt(SURNAMES.size()))).append(' ')
                    .append(MIDDLE.get(rnd.nextInt(MIDDLE.size()))).append(' ')
                    .append(GIVEN.get(rnd.nextInt(GIVEN.size()))).append('\n');
            if (!kind.code().isEmpty() && earlier.size() < 5000) {
                earlier.add(year + " " + kind.name() + " số " + number + "/" + symbol + " ngày " + two(day) + "/" + two(month) + "/" + year
                        + " của " + (body.code().equals("UBND") ? "UBND tỉnh " + province : "Sở"));
            }
            byte[] data = b.toString().getBytes(StandardCharsets.UTF_8);
            Path target = out.resolve(String.format("%03d", i / 1000)).resolve(String.format("gen-%d-%06d.txt", seed, i));
            Files.createDirectories(target.getParent());
            Files.write(target, data);
            bytes += data.length;
            if ((i + 1) % 10_000 == 0) {
                System.err.printf("%d documents, %.1f MB%n", i + 1, bytes / 1e6);
            }
        }
        System.out.printf("%d documents, %.1f MB in %s (seed %d, from %d source texts)%n", count, bytes / 1e6, out, seed, files.size());
        return 0;
    }

    private static Kind pick(SplittableRandom rnd, int total) {
        int x = rnd.nextInt(total);
        for (Kind k : KINDS) {
            x -= k.weight();
            if (x < 0) {
                return k;
            }
        }
        return KINDS.get(0);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
