package vn.iocstream.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.iocstream.alerts.testing.TestAlerts;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.validation.RecordLimits;

/** Alerts read back from Kafka are checked as forged input; each of these is dead-lettered with the reason shown. */
class AlertValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private final AlertValidator validator = new AlertValidator(Clock.fixed(NOW, ZoneOffset.UTC), RecordLimits.DEFAULT);
    private final String valid = Json.string(TestAlerts.sshBruteForce("45.76.12.9", NOW, 12));

    @Test
    void aWellFormedAlert_passes() throws Exception {
        assertThat(validator.parse(bytes(valid)).kind()).isEqualTo("security.bruteforce");
    }

    @Test
    void forgedSeverity_withMarkup_isRefused() {
        refused(valid.replace("\"severity\":\"critical\"", "\"severity\":\"critical\\\" onmouseover=\\\"alert(8)\""),
                "unknown severity 'critical\" onmouseover=\"alert(8)' (info, warning, critical)");
    }

    @Test
    void unknownKind_missingKind_andBadIds_areRefused() {
        refused(valid.replace("\"kind\":\"security.bruteforce\"", "\"kind\":\"security.everything\""), "unknown kind 'security.everything'");
        refused(valid.replace("\"kind\":\"security.bruteforce\",", ""), "unknown kind null");
        refused(valid.replace("\"id\":\"ssh-45-76-12-9-", "\"id\":\"<img src=x>-"), "bad id");
    }

    @Test
    void sloppyJson_isRefused() {
        refused(valid + "{}", "invalid JSON");
        refused(valid.replace("{\"id\"", "{\"severity\":\"info\",\"id\""), "invalid JSON");
        refused(valid.replace("\"count\":12", "\"count\":\"12\""), "invalid JSON");
        refused("", "empty record");
    }

    @Test
    void implausibleTimes_oversizedFields_andUnknownProvinces_areRefused() {
        refused(valid.replaceAll("\"createdAt\":\"[^\"]+\"", "\"createdAt\":\"+300000000-01-01T00:00:00Z\""), "createdAt +300000000");
        refused(valid.replaceAll("\"createdAt\":\"[^\"]+\"", "\"createdAt\":\"2026-12-24T03:00:00Z\""), "createdAt");
        refused(valid.replaceAll("\"title\":\"[^\"]+\"", "\"title\":\"" + "x".repeat(301) + "\""), "title must have 1..300 characters");
        refused(valid.replace("\"province\":\"Tây Ninh\"", "\"province\":\"Atlantis\""), "unknown province 'Atlantis'");
        refused(valid.replace("\"baseline\":3.0", "\"baseline\":-1.0"), "baseline");
    }

    private void refused(String json, String reason) {
        assertThatThrownBy(() -> validator.parse(bytes(json))).isInstanceOf(AlertValidator.InvalidAlert.class)
                .hasMessageContaining(reason);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
