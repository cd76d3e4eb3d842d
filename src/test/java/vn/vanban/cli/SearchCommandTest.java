package vn.vanban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.Vanban;
import vn.vanban.support.Fixtures;

/**
 * {@code vanban search} as a user runs it, on a repository {@code vanban ingest} filled: it opens no database (it
 * reads the index), finds a document by its number in the forms typed, and takes {@code -word} as an exclusion.
 */
class SearchCommandTest {

    @Test
    void searchesWhatIngestStored(@TempDir Path data) throws Exception {
        String before = System.getProperty("vanban.data-dir");
        System.setProperty("vanban.data-dir", data.toString());
        try {
            Run ingest = run("ingest", Fixtures.path("gazette").toString());
            assertEquals(0, ingest.code(), ingest.out());

            Run number = run("search", "-n", "3", "thông", "tư", "10/2022");
            assertEquals(0, number.code(), number.out());
            assertTrue(number.out().contains(" 1. [") && firstHit(number.out()).contains("10/2022/TT-BKHĐT"),
                    "the circular bearing the number first:\n" + number.out());
            Run glued = run("search", "-n", "3", "TT10/2022");
            assertTrue(firstHit(glued.out()).contains("10/2022/TT-BKHĐT"), glued.out());

            Run all = run("search", "nghị", "định");
            Run excluding = run("search", "nghị", "định", "-thuế");
            assertEquals(0, excluding.code(), excluding.out());
            assertTrue(matches(excluding.out()) > 0 && matches(excluding.out()) < matches(all.out()),
                    "-thuế leaves out the texts that say it: " + matches(all.out()) + " then " + matches(excluding.out())
                            + "\n" + excluding.out());
        } finally {
            if (before == null) {
                System.clearProperty("vanban.data-dir");
            } else {
                System.setProperty("vanban.data-dir", before);
            }
        }
    }

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Vanban.run(args);
        } finally {
            System.setOut(out);
        }
        return new Run(code, printed.toString(StandardCharsets.UTF_8));
    }

    private static String firstHit(String out) {
        return out.lines().filter(l -> l.startsWith(" 1. ")).findFirst().orElse("");
    }

    private static int matches(String out) {
        Matcher m = Pattern.compile("(\\d+) documents? match").matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
