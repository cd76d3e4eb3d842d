package vn.vanban.ingest;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.citation.ValidityService;

/**
 * Statuses that change by time alone — a decree whose day of coming into force arrives, a replacement that takes
 * effect on a later day — are derived again on that day (hourly check while the server runs), and the held documents
 * whose status changed are indexed again, so that the "còn hiệu lực" filter tells the truth of today. Scheduled when
 * the HTTP server starts (a command-line run has no use for it).
 */
@Singleton
public class ValidityRefresh implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ValidityRefresh.class);

    private final ValidityService validity;
    private final DocumentIndexer indexer;
    private final TaskScheduler scheduler;

    public ValidityRefresh(ValidityService validity, DocumentIndexer indexer,
                           @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.validity = validity;
        this.indexer = indexer;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        scheduler.scheduleWithFixedDelay(Duration.ofSeconds(30), Duration.ofHours(1), this::hourly);
    }

    void hourly() {
        try {
            int n = refresh();
            if (n > 0) {
                LOG.info("validity: {} documents changed status today and were indexed again", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("validity refresh failed; it is tried again within the hour", e);
        }
    }

    /** Derives again the statuses due today; returns how many held documents were indexed again. */
    public int refresh() {
        List<String> due = validity.due(validity.today());
        if (due.isEmpty()) {
            return 0;
        }
        int n = indexer.revalidated(validity.revalidate(due, null));
        indexer.commit();
        return n;
    }
}
