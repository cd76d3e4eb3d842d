package vn.vanban.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Table-wide check of header-landmarks.yml: every example is matched whole, no counterexample anywhere. */
class HeaderLandmarksTest {

    @Test
    void everyExampleMatchesAndNoCounterexampleDoes() {
        HeaderLandmarks table = HeaderLandmarks.load();
        for (HeaderLandmarks.Landmark l : table.all()) {
            assertFalse(l.examples().isEmpty(), l.name() + " has no example");
            for (String e : l.examples()) {
                assertTrue(l.pattern().matcher(e).matches(), l.name() + " does not match its example [" + e + "]");
            }
            for (String c : l.counterexamples()) {
                assertFalse(l.pattern().matcher(c).find(), l.name() + " matches its counterexample [" + c + "]");
            }
        }
        assertTrue(table.surnames().contains("Nguyễn"));
        assertTrue(table.subjectJoiners().contains("CỦA"));
    }
}
