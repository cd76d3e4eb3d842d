package vn.vanban.citation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The validity of a document on a day (Tình trạng hiệu lực), derived only from what the repository holds: its own
 * date of coming into force, when it is held, and what held documents state of it (replaced, repealed whole or in
 * part, declared ended by a published list). A status that rests on nothing is {@link Status#CHUA_XAC_DINH}, never
 * guessed; amendments leave a document in force. Pure and thread-safe.
 */
public final class Validity {

    private Validity() {
    }

    /** The statuses the legal portals show, with their codes (API, index, annotations) and Vietnamese labels. */
    public enum Status {
        CHUA_CO_HIEU_LUC("chua_co_hieu_luc", "Chưa có hiệu lực"),
        CON_HIEU_LUC("con_hieu_luc", "Còn hiệu lực"),
        HET_HIEU_LUC_MOT_PHAN("het_hieu_luc_mot_phan", "Hết hiệu lực một phần"),
        HET_HIEU_LUC_TOAN_BO("het_hieu_luc_toan_bo", "Hết hiệu lực toàn bộ"),
        CHUA_XAC_DINH("chua_xac_dinh", "Chưa xác định");

        private final String code;
        private final String label;

        Status(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        /** The status of {@code code}, or null when it names none. */
        public static @Nullable Status ofCode(@Nullable String code) {
            for (Status s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * What a document states of the one considered: {@code relation} (replaces, repeals, amends…), in {@code articles}
     * when only those, from {@code effective} (ISO, null when unknown), done by the document numbered {@code by}.
     */
    public record Change(String relation, @Nullable String articles, @Nullable String effective, @Nullable String by) {

        boolean endsWhole() {
            return relation.equals("replaces") || relation.equals("repeals") && articles == null;
        }

        boolean endsPart() {
            return relation.equals("repeals") && articles != null;
        }
    }

    /**
     * The verdict on a day: the status; the day the document came (or comes) into force when known; for an ended
     * document the day (null when the stating document gives none), the document that ended it and the articles, when
     * a part; and {@code next}, the first later day on which the verdict changes by time alone (null when none).
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Verdict(String status, String label, @Nullable String inForce, @Nullable String since,
                          @Nullable String by, @Nullable String articles, @Nullable String next) {

        public Status kind() {
            return Status.ofCode(status);
        }
    }

    private static final Comparator<Change> EARLIEST = Comparator.comparing(Change::effective,
            Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * The verdict on {@code day} of a document that the repository holds or not ({@code held}), in force from
     * {@code inForce} (ISO, null when unknown), given the {@code changes} held documents state of it.
     */
    public static Verdict of(boolean held, @Nullable String inForce, List<Change> changes, LocalDate day) {
        String today = day.toString();
        String next = inForce != null && inForce.compareTo(today) > 0 ? inForce : null;
        for (Change c : changes) {
            if ((c.endsWhole() || c.endsPart()) && c.effective() != null && c.effective().compareTo(today) > 0
                    && (next == null || c.effective().compareTo(next) < 0)) {
                next = c.effective();
            }
        }
        Change whole = changes.stream().filter(Change::endsWhole).filter(c -> passed(c, today)).min(EARLIEST).orElse(null);
        if (whole != null) {
            return verdict(Status.HET_HIEU_LUC_TOAN_BO, inForce, whole, null);
        }
        Change part = changes.stream().filter(Change::endsPart).filter(c -> passed(c, today)).min(EARLIEST).orElse(null);
        if (part != null) {
            return verdict(Status.HET_HIEU_LUC_MOT_PHAN, inForce, part, next);
        }
        if (!held || inForce == null) {
            return verdict(Status.CHUA_XAC_DINH, inForce, null, next);
        }
        return verdict(inForce.compareTo(today) > 0 ? Status.CHUA_CO_HIEU_LUC : Status.CON_HIEU_LUC, inForce, null, next);
    }

    private static boolean passed(Change c, String today) {
        return c.effective() == null || c.effective().compareTo(today) <= 0;
    }

    private static Verdict verdict(Status s, @Nullable String inForce, @Nullable Change by, @Nullable String next) {
        return new Verdict(s.code(), s.label(), inForce, by == null ? null : by.effective(), by == null ? null : by.by(),
                by == null ? null : by.articles(), next);
    }
}
