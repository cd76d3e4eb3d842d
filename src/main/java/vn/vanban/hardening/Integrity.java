package vn.vanban.hardening;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.vanban.index.DocumentIndex;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.FailureRepository;

/** What a repository must hold after any crash: each expected file once, no failure, index equal to the database. */
public final class Integrity {

    private Integrity() {
    }

    /** The problems found; empty when the repository is intact. */
    public static List<String> check(ApplicationContext context, Set<String> expectedShas) {
        List<String> problems = new ArrayList<>();
        DocumentRepository docs = context.getBean(DocumentRepository.class);
        List<String> shas = new ArrayList<>();
        docs.findAll().forEach(d -> shas.add(d.sha256()));
        Set<String> distinct = new HashSet<>(shas);
        if (distinct.size() != shas.size()) {
            problems.add((shas.size() - distinct.size()) + " documents stored twice");
        }
        Set<String> missing = new HashSet<>(expectedShas);
        missing.removeAll(distinct);
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " documents lost");
        }
        Set<String> extra = new HashSet<>(distinct);
        extra.removeAll(expectedShas);
        if (!extra.isEmpty()) {
            problems.add(extra.size() + " documents that were never given");
        }
        long failures = context.getBean(FailureRepository.class).count();
        if (failures > 0) {
            problems.add(failures + " files recorded as failed");
        }
        Set<Long> current = new HashSet<>(docs.findCurrentIds());
        Set<Long> indexed = context.getBean(DocumentIndex.class).ids();
        if (!current.equals(indexed)) {
            Set<Long> notIndexed = new HashSet<>(current);
            notIndexed.removeAll(indexed);
            Set<Long> stale = new HashSet<>(indexed);
            stale.removeAll(current);
            problems.add("index and database differ: " + notIndexed.size() + " not indexed, " + stale.size() + " indexed but not current");
        }
        return problems;
    }
}
