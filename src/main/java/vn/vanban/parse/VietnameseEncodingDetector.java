package vn.vanban.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Recognizes the encodings Vietnamese plain text arrives in — UTF-8, UTF-16 with or without a byte order mark, and
 * Windows-1258 — which general detectors often take for another code page. Returns null when unsure, so the next
 * detector decides. Reads at most 64 KB and resets the stream; thread-safe.
 */
public final class VietnameseEncodingDetector implements EncodingDetector {

    private static final int SAMPLE = 64 * 1024;
    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null) {
            return null;
        }
        input.mark(SAMPLE);
        byte[] buf;
        try {
            buf = input.readNBytes(SAMPLE);
        } finally {
            input.reset();
        }
        return detect(buf, buf.length);
    }

    /** Detects the charset of the first {@code len} bytes of {@code b}, or null. */
    static Charset detect(byte[] b, int len) {
        if (len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (len >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (len >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int evenZero = 0;
        int oddZero = 0;
        int high = 0;
        for (int i = 0; i < len; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) {
                    evenZero++;
                } else {
                    oddZero++;
                }
            } else if ((b[i] & 0x80) != 0) {
                high++;
            }
        }
        int pairs = len / 2;
        if (pairs > 8 && oddZero > pairs * 0.3 && evenZero < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (pairs > 8 && evenZero > pairs * 0.3 && oddZero < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        if (high == 0) {
            return null;
        }
        if (isUtf8(b, len)) {
            return StandardCharsets.UTF_8;
        }
        return looksLikeWindows1258(b, len) ? WINDOWS_1258 : null;
    }

    private static boolean isUtf8(byte[] b, int len) {
        // a sample may end inside a multi-byte sequence: drop up to 3 trailing bytes of an unfinished one
        int end = len;
        for (int k = 1; k <= 3 && end - k >= 0; k++) {
            int c = b[end - k] & 0xff;
            if (c >= 0xC0) {
                end -= k;
                break;
            }
            if (c < 0x80) {
                break;
            }
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            d.decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** Windows-1258 writes tones as combining bytes (0xCC, 0xEC, 0xD2, 0xDE, 0xF2) after vowels, and đ as 0xF0. */
    private static boolean looksLikeWindows1258(byte[] b, int len) {
        int tones = 0;
        int letters = 0;
        for (int i = 0; i < len; i++) {
            int c = b[i] & 0xff;
            if (c == 0xF0 || c == 0xD0 || c == 0xE3 || c == 0xC3 || c == 0xF5 || c == 0xD5 || c == 0xFD || c == 0xDD) {
                letters++;
            } else if ((c == 0xCC || c == 0xEC || c == 0xD2 || c == 0xDE || c == 0xF2) && i > 0
                    && isVowel(b[i - 1] & 0xff)) {
                tones++;
            }
        }
        return tones + letters >= 3 && tones >= 1;
    }

    private static boolean isVowel(int c) {
        return "aeiouyAEIOUY".indexOf(c) >= 0
                || c == 0xE2 || c == 0xC2 || c == 0xEA || c == 0xCA || c == 0xF4 || c == 0xD4
                || c == 0xE3 || c == 0xC3 || c == 0xF5 || c == 0xD5 || c == 0xFD || c == 0xDD;
    }
}
