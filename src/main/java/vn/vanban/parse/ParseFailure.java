package vn.vanban.parse;

/** A file that yields no text: its reason is meant for the user ("encrypted PDF", "unsupported type …"). */
public class ParseFailure extends Exception {

    /** What kind of failure, for HTTP status codes and counts. */
    public enum Kind {
        EMPTY, TOO_LARGE, UNSUPPORTED, ENCRYPTED, CORRUPT,
        /** The parser ran past {@code vanban.parse.timeout-seconds} and was stopped. */
        TIMEOUT,
        /** The parser needed more memory than {@code vanban.parse.worker-heap-mb}. */
        OUT_OF_MEMORY,
        /** The parser's process died. */
        CRASHED
    }

    private final Kind kind;

    public ParseFailure(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public ParseFailure(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
