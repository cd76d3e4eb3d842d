package vn.vanban.citation;

import vn.vanban.normalize.Folding;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The issuer table ({@code vanban/citation/issuers.yml}): who issues under a symbol code. Immutable. */
@Singleton
public final class Issuers {

    private final Map<String, String> central = new LinkedHashMap<>();
    private final Map<String, String> local = new LinkedHashMap<>();
    private final List<String> needsProvince;
    private final Map<String, String> examples;
    /** The central bodies' names without diacritics, for {@link #isCentral}. */
    private final List<String> foldedCentral;

    @SuppressWarnings("unchecked")
    public Issuers() {
        try (InputStream in = Issuers.class.getResourceAsStream("/vanban/citation/issuers.yml")) {
            Map<String, Object> t = new Yaml().load(in);
            ((Map<String, String>) t.get("central")).forEach((k, v) -> central.put(key(k), v));
            ((Map<String, String>) t.get("local")).forEach((k, v) -> local.put(key(k), v));
            needsProvince = List.copyOf((List<String>) t.get("needs_province"));
            examples = Map.copyOf((Map<String, String>) t.get("examples"));
            foldedCentral = central.values().stream().map(Folding::fold).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> examples() {
        return examples;
    }

    /**
     * Whether {@code issuer}, a name as printed ("Bộ Tài chính", "Thủ tướng Chính phủ"), is a central body: one of
     * the table's central names, or a ministry ("Bộ …").
     */
    public boolean isCentral(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return false;
        }
        String f = Folding.fold(issuer.strip());
        if (f.startsWith("bo ") && !f.startsWith("bo phan")) {
            return true;
        }
        for (String name : foldedCentral) {
            if (f.startsWith(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code code} names a local body (its documents are numbered per province). */
    public boolean isLocal(String code) {
        return local.containsKey(key(code));
    }

    private static final java.util.regex.Pattern TRAILING_DIGITS = java.util.regex.Pattern.compile("\\d+$");

    /** The issuer of one code ("BTTTT", "QH15", "UBND"), with {@code province} for local bodies; null if unknown. */
    public String byCode(String code, String province) {
        String k = key(code);
        String name = central.get(k);
        if (name == null) {
            name = central.get(TRAILING_DIGITS.matcher(k).replaceAll(""));
        }
        if (name == null) {
            name = local.get(k);
            if (name != null) {
                name = province == null ? name.replace(" tỉnh {province}", "").replace(" {province}", "")
                        : name.replace("{province}", province);
            }
        }
        return name;
    }

    /** The issuers named by the codes of a symbol after its type code ("TTLT-BTTTT-BNV" → both ministries). */
    public String fromCodes(List<String> codes, String province) {
        List<String> names = new ArrayList<>();
        for (String c : codes) {
            String n = byCode(c, province);
            if (n != null && !names.contains(n)) {
                names.add(n);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /**
     * The issuer as printed, abbreviated the usual way ("Ủy ban nhân dân" → "UBND") and completed with the
     * citing document's province when printed without one ("của UBND tỉnh").
     */
    public String completePrinted(String printed, String province) {
        String s = printed.strip()
                .replace("Ủy ban nhân dân", "UBND").replace("Uỷ ban nhân dân", "UBND")
                .replace("Hội đồng nhân dân", "HĐND");
        if (province != null) {
            for (String p : needsProvince) {
                String abbreviated = p.replace("Ủy ban nhân dân", "UBND").replace("Hội đồng nhân dân", "HĐND");
                if (s.equals(abbreviated) || s.equals(p)) {
                    return s + " " + province;
                }
            }
        }
        return s;
    }

    private static String key(String code) {
        return code.toUpperCase(java.util.Locale.ROOT).replace('Đ', 'D').replace('Ð', 'D');
    }
}
