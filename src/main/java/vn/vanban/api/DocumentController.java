package vn.vanban.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.List;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.store.BlobStore;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.DocumentSummary;
import vn.vanban.store.StoredDocument;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;

/** Documents: upload, list, metadata, text and the original file. */
@Controller("/api/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocumentController {

    private final IngestService ingest;
    private final DocumentRepository documents;
    private final BlobStore blobs;
    private final vn.vanban.citation.CitationQueries citations;
    private final vn.vanban.search.SearchService search;
    private final vn.vanban.search.DocumentSearch documentSearch;

    private final vn.vanban.auth.AuditLog audit;
    private final vn.vanban.correction.Deletions deletions;
    private final vn.vanban.store.DocumentTextRepository texts;
    private final vn.vanban.citation.Standings standings;

    private final vn.vanban.mail.MailIntake mail;

    public DocumentController(IngestService ingest, DocumentRepository documents, BlobStore blobs,
                              vn.vanban.citation.CitationQueries citations, vn.vanban.search.SearchService search,
                              vn.vanban.auth.AuditLog audit, vn.vanban.correction.Deletions deletions,
                              vn.vanban.store.DocumentTextRepository texts, vn.vanban.citation.Standings standings,
                              vn.vanban.mail.MailIntake mail, vn.vanban.search.DocumentSearch documentSearch) {
        this.documentSearch = documentSearch;
        this.mail = mail;
        this.standings = standings;
        this.texts = texts;
        this.audit = audit;
        this.deletions = deletions;
        this.citations = citations;
        this.search = search;
        this.ingest = ingest;
        this.documents = documents;
        this.blobs = blobs;
    }

    /**
     * Uploads one file (multipart field {@code file}). 201 with the outcome when added or a new version, 200 when
     * the same bytes are already held, 415 for a type no parser reads, 413 over the size limit, 400 for a broken,
     * encrypted or empty file; every failure is also recorded (GET /api/failures).
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @io.micronaut.security.annotation.Secured(vn.vanban.auth.Role.EDITOR_NAME)
    public HttpResponse<?> upload(CompletedFileUpload file, io.micronaut.http.HttpRequest<?> request,
                                  io.micronaut.security.authentication.Authentication who) throws IOException {
        String name = file.getFilename();
        IngestOutcome o = ingest.ingest("upload:" + name, name, file.getBytes(), true);
        audit.uploaded(who, request, o);
        return switch (o.status()) {
            case ADDED, NEW_VERSION -> HttpResponse.created(o);
            case UNCHANGED -> HttpResponse.ok(o);
            case FAILED -> HttpResponse.status(statusFor(o.failureKind())).body(o);
        };
    }

    /** Deletes this version (editors): 200 with the version made current again, if any; 404 when there is none. */
    @io.micronaut.http.annotation.Delete("/{id}")
    @io.micronaut.security.annotation.Secured(vn.vanban.auth.Role.EDITOR_NAME)
    public HttpResponse<?> delete(@PathVariable long id, io.micronaut.http.HttpRequest<?> request,
                                  io.micronaut.security.authentication.Authentication who) {
        try {
            var r = deletions.delete(id, who.getName(), request.getRemoteAddress().getAddress().getHostAddress());
            return HttpResponse.ok(java.util.Map.of("deleted", id, "current", r.restored().map(StoredDocument::id).orElse(-1L)));
        } catch (java.util.NoSuchElementException e) {
            return HttpResponse.notFound(new ApiError(e.getMessage(), null));
        }
    }

    static HttpStatus statusFor(String kind) {
        return switch (kind == null ? "" : kind) {
            case "UNSUPPORTED" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case "TOO_LARGE" -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /** Current versions, newest first. */
    @Get
    public PageView<DocumentSummary> list(@QueryValue(defaultValue = "0") int page,
                                          @QueryValue(defaultValue = "20") int size) {
        Requests.checkPage(page, size);
        var p = documents.findByCurrentVersion(true, Pageable.from(page, size, Sort.of(Sort.Order.desc("id"))));
        return new PageView<>(p.getTotalSize(), page, size, p.getContent());
    }

    /**
     * One document with its metadata, versions, references, where it stands (validity status with the day and the
     * document that changed it, amended / replaced / repealed / guided / consolidated by, what it does to others) and
     * its stale bases.
     */
    @Get("/{id}")
    public HttpResponse<?> get(@PathVariable long id) {
        return documents.findById(id)
                .<HttpResponse<?>>map(d -> HttpResponse.ok(DocumentView.of(d, versions(d), citations.referencesOf(d.id()),
                        standings.of(d.citeKey(), d.id()), standings.warnings(d.id()), mail.sourceOf(d.id()).orElse(null))))
                .orElseGet(() -> notFound(id));
    }

    /** The normalized text (the parsed original with {@code ?original=true}). */
    @Get(value = "/{id}/text", produces = MediaType.TEXT_PLAIN + ";charset=utf-8")
    public HttpResponse<?> text(@PathVariable long id, @QueryValue(defaultValue = "false") boolean original) {
        return (original ? texts.findTextContentByDocumentId(id) : texts.findNormalizedTextByDocumentId(id))
                .<HttpResponse<?>>map(t -> HttpResponse.ok(t).contentType(MediaType.TEXT_PLAIN + ";charset=utf-8"))
                .orElseGet(() -> notFound(id));
    }

    /** The original file as uploaded, with its name. */
    /** The normalized text with the words of {@code q} marked: HTML-escaped, {@code <mark>} around matches. */
    @Get(value = "/{id}/highlight", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    public HttpResponse<?> highlight(@PathVariable long id, @QueryValue String q) {
        return search.highlightedText(id, q).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(new ApiError("no indexed document " + id, null))
                        .contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /** Documents like this one (distinctive words in common), best first. */
    @Get("/{id}/similar")
    @ExecuteOn(vn.vanban.search.SearchPool.EXECUTOR)
    public HttpResponse<?> similar(@PathVariable long id, @QueryValue(defaultValue = "10") int size) {
        return documentSearch.similar(id, size).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(new ApiError("no indexed document " + id, null)));
    }

    @Get("/{id}/original")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public HttpResponse<?> original(@PathVariable long id) {
        var doc = documents.findById(id);
        if (doc.isEmpty()) {
            return notFound(id);
        }
        String sha = doc.get().sha256();
        try {
            var file = new io.micronaut.http.server.types.files.StreamedFile(blobs.open(sha),
                    MediaType.of(doc.get().mediaType()), doc.get().ingestedAt() == null ? 0 : doc.get().ingestedAt().toEpochMilli(),
                    blobs.size(sha));
            return HttpResponse.ok(file.attach(doc.get().fileName()));
        } catch (java.nio.file.NoSuchFileException e) {
            return HttpResponse.status(HttpStatus.GONE).body(new ApiError("the original of document " + id
                    + " is missing from the store of originals (" + blobs + ")", null));
        } catch (java.io.IOException e) {
            return HttpResponse.serverError(new ApiError("cannot read the original of document " + id + ": " + e.getMessage(), null));
        }
    }

    private List<DocumentSummary> versions(StoredDocument d) {
        return documents.findBySourceKeyOrderByIdDesc(d.sourceKey());
    }

    private static HttpResponse<ApiError> notFound(long id) {
        return HttpResponse.<ApiError>notFound().body(new ApiError("no document with id " + id, null));
    }
}
