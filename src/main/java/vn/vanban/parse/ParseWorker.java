package vn.vanban.parse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of {@link IsolatedParser}: reads requests from stdin, parses each with an in-process
 * {@link DocumentParser}, answers on stdout, and exits at end of input (the parent closed the pipe or died). Logging
 * and anything a library prints go to stderr, never into the answers. A parse that runs far past its time limit
 * halts the process even when no parent is left to stop it.
 *
 * <p>Greeting, once the parsers are loaded: {@code byte 2}. Request: {@code UTF name, UTF detected media type,
 * int length, bytes}. Answer: {@code byte 0, UTF mediaType, UTF status, boolean
 * hasReason, [UTF reason], boolean ocr, int length, UTF-8 text} or {@code byte 1, UTF kind, UTF message}.
 */
public final class ParseWorker {

    static final byte TEXT = 0;
    static final byte FAILURE = 1;
    static final byte READY = 2;

    private ParseWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        ParseConfig config = new ParseConfig(Integer.getInteger("vanban.parse.write-limit", 10_000_000),
                Boolean.parseBoolean(System.getProperty("vanban.parse.ocr-enabled", "true")),
                System.getProperty("vanban.parse.ocr-language", "vie"),
                Integer.getInteger("vanban.parse.ocr-timeout-seconds", 300));
        long limitMillis = 2_000L * Integer.getInteger("vanban.parse.timeout-seconds", 900);
        DocumentParser parser = new DocumentParser(config);
        out.writeByte(READY);
        out.flush();
        long[] startedAt = {0};
        Thread watchdog = new Thread(() -> {
            while (true) {
                long t = startedAt[0];
                if (t != 0 && System.currentTimeMillis() - t > limitMillis) {
                    Runtime.getRuntime().halt(4);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parse-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        while (true) {
            String name;
            String type;
            byte[] bytes;
            try {
                name = in.readUTF();
                type = in.readUTF();
                bytes = new byte[in.readInt()];
                in.readFully(bytes);
            } catch (EOFException e) {
                return;
            }
            startedAt[0] = System.currentTimeMillis();
            try {
                ParsedText t = parser.parse(bytes, name.isEmpty() ? null : name, type);
                bytes = null;
                byte[] text = t.text().getBytes(StandardCharsets.UTF_8);
                out.writeByte(TEXT);
                out.writeUTF(t.mediaType());
                out.writeUTF(t.status().name());
                out.writeBoolean(t.reason() != null);
                if (t.reason() != null) {
                    out.writeUTF(clip(t.reason()));
                }
                out.writeBoolean(t.ocr());
                out.writeInt(text.length);
                out.write(text);
            } catch (ParseFailure e) {
                out.writeByte(FAILURE);
                out.writeUTF(e.kind().name());
                out.writeUTF(clip(e.getMessage()));
            } catch (RuntimeException | StackOverflowError e) {
                out.writeByte(FAILURE);
                out.writeUTF(ParseFailure.Kind.CORRUPT.name());
                out.writeUTF(clip("parser crashed: " + e));
            }
            out.flush();
            startedAt[0] = 0;
        }
    }

    private static String clip(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }
}
