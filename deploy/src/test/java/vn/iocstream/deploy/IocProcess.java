package vn.iocstream.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar app/target/ioc.jar <command> …} as a separate process, as a user starts it; its output goes to a
 * file. {@link #kill()} is {@code kill -9}; {@link #stop()} is Ctrl-C's SIGTERM, after which the runtime stops in order.
 */
final class IocProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private IocProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param jvm JVM options (e.g. {@code -Xmx1g}); {@code env} extra environment variables (passwords)
     */
    static IocProcess start(Path workDir, List<String> jvm, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", Artifacts.iocJar().toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(Files.createDirectories(workDir), "ioc-" + args[0] + "-", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(env);
        return new IocProcess(pb.start(), output);
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** Waits until the output contains {@code text}; fails early if the process exits. */
    IocProcess awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) return this;
            if (!process.isAlive()) throw new IllegalStateException("ioc exited (" + process.exitValue() + ") before '" + text + "':\n" + output());
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + text + "' within " + timeout.toSeconds() + " s:\n" + output());
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no last checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C: the runtime stops in order; the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("ioc did not stop within 120 s:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
