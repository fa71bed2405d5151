package app.omnia.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own for a benchmark's server or load generator: this JVM's {@code java}, a fixed heap, G1, and
 * this build's classpath (or a jar), so that each process gets the whole open-file limit and its memory and CPU
 * can be read apart in {@code /proc/<pid>}.
 */
final class BenchJvm {

    private BenchJvm() {
    }

    /** {@code java} with a fixed heap ({@code -Xms} = {@code -Xmx}) and these options, up to the class or jar to run. */
    static List<String> command(String heap, String options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        return command;
    }

    /** What to run: {@code mainClass} from this JVM's classpath, or the jar when one is named. */
    static List<String> main(String mainClass, String jar) {
        return jar.isBlank() ? List.of("-cp", System.getProperty("java.class.path"), mainClass)
                : List.of("-jar", new File(jar).getAbsolutePath());
    }

    /** Asks the process to stop (SIGTERM), and kills it if it is still there after 30 s. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Runs {@code jcmd <pid> <what...>} (it ships with the JDK) and answers its output. */
    static String jcmd(long pid, String... what) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        command.addAll(List.of(what));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return out;
    }
}
