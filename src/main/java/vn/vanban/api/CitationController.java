package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import vn.vanban.citation.CitationCompiler;
import vn.vanban.citation.CitationQueries;
import vn.vanban.store.DocumentRepository;

/** The citation graph: a cited document with every document citing it, what cites a held document, most cited. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CitationController {

    private final CitationQueries queries;
    private final DocumentRepository documents;
    private final CitationCompiler compiler;

    public CitationController(CitationQueries queries, DocumentRepository documents, CitationCompiler compiler) {
        this.queries = queries;
        this.documents = documents;
        this.compiler = compiler;
    }

    /** What to compile: held documents by id and cited documents by key; the format may also come as ?format=. */
    @Serdeable
    public record CompileRequest(@Nullable List<Long> documents, @Nullable List<String> keys, @Nullable String format) {
    }

    /**
     * The "Căn cứ …" block for the given documents, ordered by legal rank then date, each written in full:
     * JSON items (default), or text, markdown, docx or csv ({@code format}). 400 names unknown ids and keys.
     */
    @Post("/citations/compile")
    public HttpResponse<?> compile(@Body CompileRequest request, @QueryValue @Nullable String format) {
        CitationCompiler.Format f = CitationCompiler.Format.parse(format != null ? format : request.format());
        List<CitationCompiler.Item> items = compiler.compile(request.documents(), request.keys());
        Object body = switch (f) {
            case JSON -> items;
            case TEXT -> compiler.text(items);
            case MARKDOWN -> compiler.markdown(items);
            case CSV -> compiler.csv(items);
            case DOCX -> compiler.docx(items);
        };
        MutableHttpResponse<?> response = HttpResponse.ok(body).contentType(f.contentType);
        if (f == CitationCompiler.Format.DOCX || f == CitationCompiler.Format.CSV) {
            response.header("Content-Disposition", "attachment; filename=\"can-cu." + f.extension + "\"");
        }
        return response;
    }

    /** By number (any spelling; {@code year} to pick one) or by canonical key: the matching cited documents. */
    @Get("/citations")
    public HttpResponse<?> find(@QueryValue @Nullable String number, @QueryValue @Nullable Integer year,
                                @QueryValue @Nullable String key) {
        if (key != null && !key.isBlank()) {
            var c = queries.byKey(key);
            return c == null ? HttpResponse.notFound(new ApiError("no cited document with key " + key, null))
                    : HttpResponse.ok(List.of(c));
        }
        if (number == null || number.isBlank()) {
            return HttpResponse.badRequest(new ApiError("give number= (e.g. 2099/QĐ-UBND, optionally year=) or key=", null));
        }
        return HttpResponse.ok(queries.byNumber(number, year));
    }

    /** One cited document by its id. */
    @Get("/citations/{id:[0-9]+}")
    public HttpResponse<?> one(@PathVariable long id) {
        var c = queries.byId(id);
        return c == null ? HttpResponse.notFound(new ApiError("no cited document with id " + id, null)) : HttpResponse.ok(c);
    }

    /** The most cited documents. */
    @Get("/citations/top")
    public List<CitationQueries.Cited> top(@QueryValue(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit must be between 1 and 200 (got " + limit + ")");
        }
        return queries.top(limit);
    }

    /** Everything citing held document {@code id}. */
    @Get("/documents/{id}/cited-by")
    public HttpResponse<?> citedBy(@PathVariable long id) {
        if (documents.findIdById(id).isEmpty()) {
            return HttpResponse.notFound(new ApiError("no document with id " + id, null));
        }
        return HttpResponse.ok(queries.citedBy(id));
    }

    /** The references of document {@code id}. */
    @Get("/documents/{id}/references")
    public HttpResponse<?> references(@PathVariable long id) {
        if (documents.findIdById(id).isEmpty()) {
            return HttpResponse.notFound(new ApiError("no document with id " + id, null));
        }
        return HttpResponse.ok(queries.referencesOf(id));
    }
}
