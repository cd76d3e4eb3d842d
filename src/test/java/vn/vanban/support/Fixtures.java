package vn.vanban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test files under src/test/resources/fixtures (copies of shared/corpus material). */
public final class Fixtures {

    private Fixtures() {
    }

    /** The path of fixture {@code relative}. */
    public static Path path(String relative) {
        try {
            var url = Fixtures.class.getResource("/fixtures/" + relative);
            if (url == null) {
                throw new IllegalArgumentException("no fixture " + relative);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file below fixture folder {@code relative}, sorted. */
    public static List<Path> files(String relative) {
        try (Stream<Path> s = Files.walk(path(relative))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The five dev document names without extension. */
    public static List<String> devNames() {
        return files("dev").stream().map(p -> p.getFileName().toString().replace(".txt", "")).toList();
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
