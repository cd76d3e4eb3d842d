package vn.vanban.extract;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The table of document types ({@code vanban/extract/document-types.yml}): names, symbol codes, variants, rank. Immutable. */
@Singleton
public final class DocumentTypes {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern NATIONAL_ASSEMBLY = java.util.regex.Pattern.compile("(?i)QH\\d*");

    /** One document type. */
    public record Type(String name, List<String> codes, List<String> variants, int rank, List<String> examples) {
    }

    private static final java.util.regex.Pattern PARTY = java.util.regex.Pattern.compile("^\\d+-([^/]+)/");

    private final List<Type> types;
    private final Map<String, Type> byKey = new HashMap<>();
    private final Map<String, Type> byCode = new HashMap<>();

    @SuppressWarnings("unchecked")
    public DocumentTypes() {
        String resource = "/vanban/extract/document-types.yml";
        try (InputStream in = DocumentTypes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("type table not found: [" + resource + "]");
            }
            List<Map<String, Object>> rows = new Yaml().load(in);
            List<Type> list = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Type t = new Type((String) r.get("name"), (List<String>) r.getOrDefault("codes", List.of()),
                        (List<String>) r.getOrDefault("variants", List.of()), (Integer) r.get("rank"),
                        (List<String>) r.getOrDefault("examples", List.of()));
                list.add(t);
                byKey.put(key(t.name()), t);
                t.variants().forEach(v -> byKey.put(key(v), t));
                t.codes().forEach(c -> byCode.put(codeKey(c), t));
            }
            this.types = List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table in the jar, read once for the callers that are no beans (index fields, query parsing, grammars). */
    public static DocumentTypes standard() {
        return Standard.TABLE;
    }

    private static final class Standard {
        static final DocumentTypes TABLE = new DocumentTypes();
    }

    public List<Type> all() {
        return types;
    }

    /** The type whose name (or a known misspelling) is {@code words}, in any case; null if none. */
    public Type byName(String words) {
        return byKey.get(key(words));
    }

    /** The type whose symbol code is {@code code} ("QĐ", "QD", "HD"); null if none. */
    public Type byCode(String code) {
        return byCode.get(codeKey(code));
    }

    /** The type of a số ký hiệu from its symbol ("43/HD-STTTT" → Hướng dẫn, "36-NQ/TW" → Nghị quyết); null if unknown. */
    public Type fromNumber(String number) {
        if (number == null) {
            return null;
        }
        String n = SPACES.matcher(number).replaceAll("");
        java.util.regex.Matcher party = PARTY.matcher(n);
        if (party.find()) {
            return byCode(party.group(1));
        }
        String[] parts = n.split("/");
        String symbol = parts[parts.length - 1];
        String first = symbol.split("-")[0];
        if (NATIONAL_ASSEMBLY.matcher(first).matches()) {
            return byName("Luật");
        }
        return byCode(first);
    }

    /** The key a type is looked up by in number queries: its name without diacritics ("Nghị định" → "nghi dinh"). */
    public static String lookupKey(Type t) {
        return vn.vanban.normalize.Folding.fold(key(t.name()));
    }

    /**
     * The lookup keys of a document's type: of the type {@code typeName} names and of the type its {@code number}'s
     * symbol gives ("45/2019/QH14" of a Bộ luật is also a Luật's number).
     */
    public java.util.Set<String> lookupKeys(String typeName, String number) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        Type named = typeName == null ? null : byName(typeName);
        Type coded = fromNumber(number);
        for (Type t : java.util.Arrays.asList(named, coded)) {
            if (t != null) {
                keys.add(lookupKey(t));
            }
        }
        return keys;
    }

    /**
     * How a person types each type in a query, without diacritics, lower case: the name, its variants and its symbol
     * codes ("nghi dinh", "nd"; "hd" is both Hướng dẫn and Hợp đồng) → the lookup keys of the types so typed.
     */
    public Map<String, java.util.Set<String>> typedForms() {
        Map<String, java.util.Set<String>> forms = new HashMap<>();
        for (Type t : types) {
            List<String> typed = new ArrayList<>();
            typed.add(t.name());
            typed.addAll(t.variants());
            t.codes().stream().filter(c -> !c.contains("-")).forEach(typed::add);
            for (String f : typed) {
                forms.computeIfAbsent(vn.vanban.normalize.Folding.fold(key(f)), k -> new java.util.LinkedHashSet<>())
                        .add(lookupKey(t));
            }
        }
        return forms;
    }

    static String key(String s) {
        return SPACES.matcher(Normalizer.normalize(s.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static String codeKey(String c) {
        return c.toUpperCase(Locale.ROOT).replace('Đ', 'D').replace('Ð', 'D');
    }
}
