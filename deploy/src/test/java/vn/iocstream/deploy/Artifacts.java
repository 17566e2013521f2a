package vn.iocstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The built artifacts these tests run as a user would: {@code app/target/ioc.jar} and the jobs jar for {@code flink run}. */
final class Artifacts {
    /** The project root (tests run in {@code deploy/}). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Artifacts() {}

    static Path iocJar() {
        Path jar = ROOT.resolve("app/target/ioc.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " missing: build with mvn -B -DskipTests package");
        return jar;
    }

    /** {@code flink-jobs/target/ioc-flink-jobs-*-flink.jar}, built by {@code -Pcluster}. */
    static Path jobsJar() {
        try (Stream<Path> files = Files.list(ROOT.resolve("flink-jobs/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("ioc-flink-jobs-.*-flink\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the jobs jar is missing: build with mvn -B -Pcluster -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
