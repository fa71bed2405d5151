package app.omnia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One printed {@code bench:} line per figure, and the same lines in a report file under target/bench/. */
final class BenchReport {

    private final Path file;
    private final List<String> lines = new ArrayList<>();

    BenchReport(String fileName) {
        this.file = Path.of("target", "bench", fileName);
    }

    void line(String figure, String format, Object... args) {
        String text = "bench: " + figure + ": " + String.format(format, args);
        System.out.println(text);
        lines.add(text);
    }

    /** Writes what was printed so far (called as the run goes, so that a failed run still leaves its figures). */
    void write() throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    Path file() {
        return file.toAbsolutePath();
    }
}
