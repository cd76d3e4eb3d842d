package vn.vanban.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** Checks of request parameters shared by the controllers. */
final class Requests {

    static final int MAX_SIZE = vn.vanban.search.SearchService.MAX_PAGE_SIZE;

    private Requests() {
    }

    static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "page must be >= 0 and size between 1 and " + MAX_SIZE + " (got page=" + page + ", size=" + size + ")");
        }
    }
}
