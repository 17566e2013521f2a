package vn.iocstream.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.testing.SharedData;
import vn.iocstream.core.validation.RecordLimits;

/**
 * The parsers and rules on the real logs in ../shared/data/security (or -Dioc.shared.data=DIR), with the
 * shipped default configuration; skipped when the data is absent.
 */
class SecurityLogsDataTest {
    private static final Path DATA = SharedData.path("security");
    private static final IocConfig.Security DEFAULTS = ConfigLoader.defaults().security();

    /**
     * The sources that brute-force SSH in OpenSSH_2k.log (all of it is 10 December; the year is a parameter).
     * Derived by hand from the log, independently of the parser: every "Failed <method> for [invalid user] U
     * from IP port N" line, a "message repeated N times: [ Failed … ]" line counting N,
     * <pre>
     * grep -E "Failed [a-z-]+ for .* from [0-9.]+ port" OpenSSH_2k.log   (524 lines, 24 sources)
     * </pre>
     * then, per source, the largest number of failures within any 600 s (a small Python loop over the
     * sorted times): 11 sources reach 5 — the same 11 for windows of 60 s and 300 s, so the set does not
     * hinge on the window. 52.80.34.196 fails 5 times but spread over more than 10 minutes; 103.207.39.212
     * and 103.207.39.16 fail 3 times each.
     */
    static final Set<String> OPENSSH_ATTACKERS = Set.of("103.99.0.122", "106.5.5.195", "112.95.230.3", "119.4.203.64",
            "123.235.32.19", "183.62.140.253", "185.190.58.151", "187.141.143.180", "5.188.10.180", "5.36.59.76", "60.2.12.12");

    @Test
    void openSsh2k_bruteForceAlertsExactlyTheAttackingSources() throws IOException {
        Path log = DATA.resolve("loghub/OpenSSH/OpenSSH_2k.log");
        SharedData.require(log);
        List<SecurityEvent> events = parseAll(SecurityEnvelope.AUTH, log, lines(log));
        Set<String> alerted = RuleRunner.run(DEFAULTS, events).stream()
                .filter(r -> r.rule().equals(SecurityRules.SSH_BRUTE_FORCE))
                .map(RuleRunner.Raised::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(alerted).containsExactlyInAnyOrderElementsOf(OPENSSH_ATTACKERS);
    }

    @Test
    void linux2k_everyLineParses() throws IOException {
        Path log = DATA.resolve("loghub/Linux/Linux_2k.log");
        SharedData.require(log);
        List<SecurityEvent> events = parseAll(SecurityEnvelope.AUTH, log, lines(log));
        assertThat(events).hasSize(2000);
        assertThat(events).filteredOn(e -> e.action().equals("pam-auth")).extracting(SecurityEvent::srcIp).contains("218.188.2.4");
    }

    @Test
    void zeekJsonLogs_everyLineParsesNothingDeadLettered() throws IOException {
        Path dir = DATA.resolve("zeek-wrccdc2018/zeek-json");
        SharedData.require(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().contains(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        long total = 0;
        for (Path f : files) {
            List<String> lines = lines(f);
            total += lines.size();
            assertThat(parseAll(SecurityEnvelope.ZEEK, f, lines)).as(f.getFileName().toString()).hasSize(lines.size());
        }
        assertThat(total).isGreaterThan(30_000);
    }

    @Test
    void apacheAccessLog_everyWpLoginProbeIsCaught() throws IOException {
        Path log = DATA.resolve("apache-access/apache_logs");
        SharedData.require(log);
        List<String> lines = lines(log);
        List<SecurityEvent> events = parseAll(SecurityEnvelope.ACCESS, log, lines);
        assertThat(events).hasSize(lines.size());
        // The sources of the 12 "GET /wp-login.php" lines (grep -i wp-login apache_logs | awk '{print $1}').
        Set<String> probers = lines.stream().filter(l -> l.toLowerCase().contains("wp-login"))
                .map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toSet());
        assertThat(probers).hasSize(12);
        Set<String> alerted = RuleRunner.run(DEFAULTS, events).stream()
                .filter(r -> r.rule().equals(SecurityRules.WEB_PROBE) && r.key().endsWith(" wp-login"))
                .map(r -> r.key().substring(0, r.key().indexOf(' '))).collect(Collectors.toSet());
        assertThat(alerted).isEqualTo(probers);
    }

    private static List<SecurityEvent> parseAll(String format, Path file, List<String> lines) {
        SecurityParsers parsers = new SecurityParsers(2025, "UTC", RecordLimits.DEFAULT);
        List<SecurityEvent> events = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ParseResult r = parsers.parse(new SecurityEnvelope(format, file.getFileName().toString(), lines.get(i), (long) i + 1, null));
            if (r.ok()) events.add(r.event());
            else errors.add((i + 1) + ": " + r.error() + " — " + lines.get(i));
        }
        assertThat(errors).as(file.toString()).isEmpty();
        return events;
    }

    private static List<String> lines(Path file) throws IOException {
        var in = Files.newInputStream(file);
        var stream = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
