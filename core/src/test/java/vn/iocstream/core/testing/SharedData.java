package vn.iocstream.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The external evaluation data beside the repository ({@code ../shared/data}, or {@code -Dioc.shared.data=DIR}).
 * A user's clone usually has none, so tests that read it skip; CI has it, so under {@code CI=true} a missing
 * file fails the test instead of letting a guarded figure go unchecked.
 */
public final class SharedData {
    private SharedData() {}

    /** A path under the shared data folder; relative to a module folder when not set. */
    public static Path path(String first, String... more) {
        return Path.of(System.getProperty("ioc.shared.data", "../../shared/data")).resolve(Path.of(first, more));
    }

    /** {@link #path} that exists: skips the test when absent, fails it under {@code CI=true}. */
    public static Path require(String first, String... more) {
        return require(path(first, more));
    }

    /** {@code file} when it exists: skips the test when absent, fails it under {@code CI=true}. */
    public static Path require(Path file) {
        if (Files.exists(file)) return file;
        String why = "shared data not found: " + file.toAbsolutePath() + " (set -Dioc.shared.data=DIR)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + "; CI=true needs it");
        assumeTrue(false, why);
        return file;
    }
}
