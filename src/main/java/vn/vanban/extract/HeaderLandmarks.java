package vn.vanban.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The landmarks of a header and signature block, from {@code vanban/extract/header-landmarks.yml}: quốc hiệu, the
 * number's label, "Place, ngày …", "V/v", body openings, organ heads, the words that keep an organ inside a subject,
 * and surnames. Immutable.
 */
public record HeaderLandmarks(Landmark motto, Landmark numberLabel, Landmark adopted, Landmark consolidation, Landmark placeDate, Landmark letterSubject,
                              Landmark bodyStarts, Landmark authority, Set<String> subjectJoiners, Set<String> surnames,
                              List<String> organStarts, Set<String> organInside, List<String> authorityPrefixes) {

    /** One pattern with its examples and counterexamples. */
    public record Landmark(String name, Pattern pattern, List<String> examples, List<String> counterexamples) {
    }

    @SuppressWarnings("unchecked")
    public static HeaderLandmarks load() {
        try (InputStream in = HeaderLandmarks.class.getResourceAsStream("/vanban/extract/header-landmarks.yml")) {
            Map<String, Object> t = new Yaml().load(in);
            return new HeaderLandmarks(landmark(t, "motto"), landmark(t, "number_label"), landmark(t, "adopted"),
                    landmark(t, "consolidation"), landmark(t, "place_date"),
                    landmark(t, "letter_subject"), landmark(t, "body_starts"), landmark(t, "authority"),
                    Set.copyOf((List<String>) t.get("subject_joiners")), Set.copyOf((List<String>) t.get("surnames")),
                    List.copyOf((List<String>) t.get("organ_starts")), Set.copyOf((List<String>) t.get("organ_inside")),
                    List.copyOf((List<String>) t.get("authority_prefixes")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Landmark landmark(Map<String, Object> table, String name) {
        Map<String, Object> m = (Map<String, Object>) table.get(name);
        if (m == null) {
            throw new IllegalStateException("header-landmarks.yml has no '" + name + "'");
        }
        return new Landmark(name, Pattern.compile((String) m.get("pattern")),
                (List<String>) m.getOrDefault("examples", List.of()),
                (List<String>) m.getOrDefault("counterexamples", List.of()));
    }

    /** Every landmark, for the table-wide test. */
    public List<Landmark> all() {
        return List.of(motto, numberLabel, adopted, consolidation, placeDate, letterSubject, bodyStarts, authority);
    }
}
