package vn.vanban.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.vanban.support.Fixtures;

/** The benchmark runs end to end on a small corpus and prints its figures; every pass ingests into an emptied repository. */
class BenchCommandTest {

    @Test
    void printsEveryPassAndTheRatios() throws Exception {
        BenchCommand bench = new BenchCommand();
        bench.corpus = Fixtures.path("dev");
        bench.office = Fixtures.path("dev-office/docx");
        bench.threads = 1;
        bench.warmup = 1;
        bench.passes = 2;
        bench.rounds = 1;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = bench.call(); // a pass that added fewer documents than the first (a repository not emptied) throws
        } finally {
            System.setOut(out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed);
        for (String line : new String[] {"pass 1: bare Lucene", "pass 2: bare Lucene", "ingest / bare Lucene throughput:",
                "into a new index / a new repository:", "search p50 ratio"}) {
            assertTrue(printed.contains(line), "missing [" + line + "] in:\n" + printed);
        }
        Matcher m = Pattern.compile("vanban ingest *: +([0-9.]+) docs/s .*, (\\d+) failed").matcher(printed);
        assertTrue(m.find(), printed);
        assertTrue(Double.parseDouble(m.group(1)) > 0, printed);
        assertEquals("0", m.group(2), printed);
        // office files: each side warmed by --warmup passes, then every timed pass printed with the CPU of each side
        // (the ingest's parser children counted), then the medians; nothing fails
        Matcher pass = Pattern.compile("pass 2: bare Tika [0-9.]+ s \\(CPU [0-9.]+ s\\), vanban ingest [0-9.]+ s \\(CPU [0-9.]+ s "
                + "here \\+ ([0-9.]+) s in parser children\\)").matcher(printed);
        assertTrue(pass.find(), printed);
        assertTrue(Double.parseDouble(pass.group(1)) > 0, "the DOCX files are parsed in children: " + printed);
        Matcher office = Pattern.compile("vanban ingest *: +([0-9.]+) files/s .*, (\\d+) failed; parse in a child JVM").matcher(printed);
        assertTrue(office.find(), printed);
        assertEquals("0", office.group(2), printed);
        assertTrue(printed.contains("ingest / bare Tika throughput:"), printed);
    }
}
