package vn.vanban.ingest;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several Vanban processes over one database (a MariaDB server or Galera cluster), each with its own Lucene index:
 * every {@code vanban.index.follow-seconds} each brings its index in step with the database ({@link IndexReconciler}),
 * so that a document uploaded, ingested or deleted through any of them is found, or no longer found, through all of
 * them within that time. Off (0) by default: a single Vanban indexes what it stores itself. Started with the HTTP
 * server.
 */
@Singleton
public class IndexFollower implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

    private final IndexReconciler reconciler;
    private final TaskScheduler scheduler;
    private final long seconds;

    public IndexFollower(IndexReconciler reconciler, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                         @Value("${vanban.index.follow-seconds:0}") long seconds) {
        this.reconciler = reconciler;
        this.scheduler = scheduler;
        this.seconds = seconds;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (seconds > 0) {
            LOG.info("following the database: the index is brought in step with it every {} s", seconds);
            scheduler.scheduleWithFixedDelay(Duration.ofSeconds(seconds), Duration.ofSeconds(seconds), this::follow);
        }
    }

    void follow() {
        try {
            reconciler.reconcile();
        } catch (RuntimeException e) {
            LOG.warn("could not bring the index in step with the database; tried again in {} s: {}", seconds, e.toString());
        }
    }
}
