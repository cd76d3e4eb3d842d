package vn.vanban.search;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool the routes that search run on ({@code @ExecuteOn(SearchPool.EXECUTOR)}): platform threads of their own, as
 * a search engine keeps a search pool, and a bounded queue: when every thread is busy and the queue is full, a search
 * is refused at once (503 with Retry-After, see {@code vn.vanban.api.BusyHandler}) instead of piling up. A search is
 * work for the cores, not a wait: on the virtual threads that serve the other routes, a few long searches would hold
 * every carrier thread (as many as the cores) and make pages and uploads wait for them.
 */
@Factory
public class SearchPool {

    /** The name of the pool's executor. */
    public static final String EXECUTOR = "search";

    /**
     * Settings {@code vanban.search.*} (VANBAN_SEARCH_THREADS, VANBAN_SEARCH_QUEUE).
     *
     * @param threads searches run at once; 0 (default) for twice the cores
     * @param queue   searches waiting for a thread before more are refused (default 1000)
     */
    @ConfigurationProperties("vanban.search")
    public record Settings(@Bindable(defaultValue = "0") int threads, @Bindable(defaultValue = "1000") int queue) {

        /** The threads, the default applied. */
        public int threadCount() {
            return threads > 0 ? threads : 2 * Runtime.getRuntime().availableProcessors();
        }
    }

    @Singleton
    @Named(EXECUTOR)
    @Bean(preDestroy = "shutdown")
    ExecutorService searchPool(Settings settings) {
        if (settings.queue() < 1) {
            throw new IllegalArgumentException("vanban.search.queue must be at least 1 (got " + settings.queue() + ")");
        }
        int n = settings.threadCount();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.queue()),
                Thread.ofPlatform().name("vanban-search-", 0).daemon().factory(), new ThreadPoolExecutor.AbortPolicy());
        this.pool = pool;
        return pool;
    }

    /** The pool made by this factory (the bean itself comes wrapped, for context propagation). */
    private volatile ThreadPoolExecutor pool;

    /** Searches waiting for a thread now (0 before the pool exists). */
    public int waiting() {
        ThreadPoolExecutor p = pool;
        return p == null ? 0 : p.getQueue().size();
    }
}
