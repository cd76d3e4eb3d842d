package vn.vanban.api;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.vanban.store.FailureRepository;
import vn.vanban.store.IngestFailure;

/** Files that could not be ingested, with their reasons, most recent first. */
@Controller("/api/failures")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FailureController {

    private final FailureRepository failures;

    public FailureController(FailureRepository failures) {
        this.failures = failures;
    }

    @Get
    public PageView<IngestFailure> list(@QueryValue(defaultValue = "0") int page,
                                        @QueryValue(defaultValue = "50") int size) {
        Requests.checkPage(page, size);
        var p = failures.findAll(Pageable.from(page, size, Sort.of(Sort.Order.desc("lastAt"))));
        return new PageView<>(p.getTotalSize(), page, size, p.getContent());
    }
}
