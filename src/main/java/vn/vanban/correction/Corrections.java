package vn.vanban.correction;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.vanban.citation.CitationExtractor;
import vn.vanban.citation.CitedDocument;
import vn.vanban.citation.Mention;
import vn.vanban.deadline.Deadline;
import vn.vanban.deadline.Task;
import vn.vanban.analysis.DocumentAnalysis;
import vn.vanban.deadline.WorkExtractor;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.store.BlobStore;

/**
 * Applies the human corrections of a document over what extraction found: the newest correction of each field or
 * item wins. Extraction runs first, unchanged, so that a better rule still improves what nobody corrected, and the
 * corrections go on top every time ({@code reindex --extract} included).
 */
@Singleton
public class Corrections {

    public static final String METADATA = "METADATA";
    public static final String CITATION = "CITATION";
    public static final String DEADLINE = "DEADLINE";
    public static final String TASK = "TASK";
    public static final String SET = "SET";
    public static final String REMOVE = "REMOVE";
    public static final String ADD = "ADD";

    /** Fields a correction may set, per kind. */
    public static final Map<String, Set<String>> FIELDS = Map.of(
            METADATA, Set.of("number", "symbol", "type", "issuer", "place", "date", "effective", "subject", "signerName", "signerTitle"),
            DEADLINE, Set.of("due", "who", "what"),
            TASK, Set.of("assignee", "due", "field"),
            CITATION, Set.of());

    private final CorrectionRepository corrections;
    private final CitationExtractor citations;

    public Corrections(CorrectionRepository corrections, CitationExtractor citations) {
        this.corrections = corrections;
        this.citations = citations;
    }

    /** The key of a deadline or task: a digest of its text as stored, stable across re-extractions. */
    public static String itemKey(String text) {
        return BlobStore.sha256((text == null ? "" : text.strip()).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The text as the store keeps it: keys are taken over the stored text, so that pages and extraction agree. */
    private static String stored(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public List<Correction> history(long documentId) {
        return corrections.findByDocumentIdOrderById(documentId);
    }

    /** Document {@code documentId}'s corrections in force, read once for one re-extraction. */
    public Applicable of(long documentId) {
        return new Applicable(active(corrections.findByDocumentIdOrderById(documentId)));
    }

    /** The corrections in force of one document, to lay over what extraction finds. */
    public final class Applicable implements DocumentAnalysis.Fixes {
        private final List<Correction> active;

        private Applicable(List<Correction> active) {
            this.active = active;
        }

        /** The metadata with its corrections: first, since dates and numbers shape the rest of extraction. */
        @Override
        public DocumentMetadata metadata(DocumentMetadata meta) {
            return active.isEmpty() ? meta : applyMeta(meta, active);
        }

        /** What extraction found with every correction applied. */
        @Override
        public DocumentAnalysis.Result apply(DocumentAnalysis.Result found) {
            if (active.isEmpty()) {
                return found;
            }
            DocumentMetadata meta = found.meta();
            return new DocumentAnalysis.Result(found.normalized(), applyMeta(meta, active),
                    applyCitations(found.refs(), active, meta), applyWork(found.work(), active));
        }
    }

    /** The newest correction per kind + item + field; each ADD counts on its own. */
    private static List<Correction> active(List<Correction> all) {
        Map<String, Correction> latest = new LinkedHashMap<>();
        for (Correction c : all) {
            String key = c.action().equals(ADD) ? c.kind() + "|" + ADD + "|" + c.id() : c.kind() + "|" + c.item() + "|" + c.field();
            latest.remove(key);
            latest.put(key, c);
        }
        return new ArrayList<>(latest.values());
    }

    private static DocumentMetadata applyMeta(DocumentMetadata m, List<Correction> active) {
        Map<String, String> set = new LinkedHashMap<>();
        for (Correction c : active) {
            if (c.kind().equals(METADATA) && c.action().equals(SET)) {
                set.put(c.field(), blankToNull(c.newValue()));
            }
        }
        if (set.isEmpty()) {
            return m;
        }
        return new DocumentMetadata(pick(set, "number", m.number()), pick(set, "symbol", m.symbol()), pick(set, "type", m.type()),
                pick(set, "issuer", m.issuer()), m.parentIssuer(), pick(set, "place", m.place()), pick(set, "date", m.date()),
                pick(set, "effective", m.effective()), pick(set, "subject", m.subject()), pick(set, "signerName", m.signerName()),
                pick(set, "signerTitle", m.signerTitle()), m.draft(), m.recipients());
    }

    private List<CitedDocument> applyCitations(List<CitedDocument> refs, List<Correction> active, DocumentMetadata meta) {
        List<CitedDocument> out = new ArrayList<>(refs);
        for (Correction c : active) {
            if (!c.kind().equals(CITATION)) {
                continue;
            }
            if (c.action().equals(REMOVE)) {
                out.removeIf(r -> r.key().equals(c.item()));
            } else if (c.action().equals(ADD) && c.newValue() != null) {
                for (CitedDocument added : citations.extract(c.newValue(), meta)) {
                    if (out.stream().noneMatch(r -> r.key().equals(added.key()))) {
                        // its mention quotes the corrector's text; it points at no place in the document's own text
                        List<Mention> mentions = added.mentions().stream().map(x -> new Mention(0, 0, x.number(), x.typeName(),
                                x.dateText(), x.date(), x.issuer(), x.title(), c.newValue(), x.relation(), x.shortForm())).toList();
                        out.add(new CitedDocument(added.key(), added.type(), added.number(), added.year(), added.date(),
                                added.issuer(), added.title(), mentions));
                    }
                }
            }
        }
        return out;
    }

    private static WorkExtractor.Work applyWork(WorkExtractor.Work work, List<Correction> active) {
        List<Deadline> deadlines = new ArrayList<>();
        for (Deadline d : work.deadlines()) {
            String key = itemKey(stored(d.what(), vn.vanban.deadline.DeadlineStore.WHAT_WIDTH));
            if (removed(active, DEADLINE, key)) {
                continue;
            }
            Map<String, String> set = fields(active, DEADLINE, key);
            deadlines.add(new Deadline(set.getOrDefault("due", d.due()), d.rrule(), set.getOrDefault("what", d.what()),
                    set.containsKey("who") ? blankToNull(set.get("who")) : d.who(), d.start(), d.end(), d.expression(), d.guide()));
        }
        List<Task> tasks = new ArrayList<>();
        for (Task t : work.tasks()) {
            String key = itemKey(stored(t.text(), vn.vanban.deadline.DeadlineStore.TASK_WIDTH));
            if (removed(active, TASK, key)) {
                continue;
            }
            Map<String, String> set = fields(active, TASK, key);
            tasks.add(new Task(t.text(), t.period(), set.containsKey("assignee") ? blankToNull(set.get("assignee")) : t.assignee(),
                    set.containsKey("field") ? blankToNull(set.get("field")) : t.field(),
                    set.containsKey("due") ? blankToNull(set.get("due")) : t.due(), t.status(), t.start(), t.end()));
        }
        for (Correction c : active) {
            if (c.action().equals(ADD) && c.kind().equals(DEADLINE) && c.newValue() != null) {
                String[] dueAndWhat = c.newValue().split("\\|", 2);
                deadlines.add(new Deadline(dueAndWhat[0], null, dueAndWhat.length > 1 ? dueAndWhat[1] : "", null, 0, 0,
                        "(bổ sung)", null));
            }
        }
        return new WorkExtractor.Work(deadlines, tasks);
    }

    private static boolean removed(List<Correction> active, String kind, String key) {
        return active.stream().anyMatch(c -> c.kind().equals(kind) && c.item().equals(key) && c.action().equals(REMOVE));
    }

    private static Map<String, String> fields(List<Correction> active, String kind, String key) {
        Map<String, String> set = new LinkedHashMap<>();
        for (Correction c : active) {
            if (c.kind().equals(kind) && c.item().equals(key) && c.action().equals(SET)) {
                set.put(c.field(), c.newValue());
            }
        }
        return set;
    }

    private static String pick(Map<String, String> set, String field, String extracted) {
        return set.containsKey(field) ? set.get(field) : extracted;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
