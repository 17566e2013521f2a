package vn.iocstream.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.validation.RecordLimits;

class SecurityRulesTest {
    private static final SecurityParsers PARSERS = new SecurityParsers(2026, "UTC", RecordLimits.DEFAULT);

    private static SecurityEvent event(String format, String line) {
        return PARSERS.parse(new SecurityEnvelope(format, "s", line, null, null)).event();
    }

    private static List<RuleHit> hits(IocConfig config, String format, String line) {
        return new SecurityRules(config.security()).hits(event(format, line));
    }

    @Test
    void eachRule_countsItsEvents() {
        IocConfig c = ConfigLoader.defaults();
        assertThat(hits(c, "auth", "Nov 20 09:15:02 h sshd[1]: Failed password for root from 45.76.12.9 port 5 ssh2"))
                .extracting(RuleHit::rule, RuleHit::key).containsExactly(org.assertj.core.groups.Tuple.tuple("ssh-brute-force", "45.76.12.9"));
        assertThat(hits(c, "auth", "Nov 20 09:15:03 h sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=45.76.12.9"))
                .isEmpty();
        assertThat(hits(c, "access", "1.2.3.4 - - [20/Nov/2026:09:31:00 +0700] \"POST /wp-login.php HTTP/1.1\" 200 4300 \"-\" \"-\""))
                .extracting(RuleHit::rule).containsExactly("web-login-brute-force");
        assertThat(hits(c, "access", "1.2.3.4 - - [20/Nov/2026:09:31:00 +0700] \"GET /wp-login.php HTTP/1.1\" 404 0 \"-\" \"-\""))
                .extracting(RuleHit::rule, RuleHit::key).containsExactly(org.assertj.core.groups.Tuple.tuple("web-probe", "1.2.3.4 wp-login"));
        assertThat(hits(c, "zeek", "{\"_path\":\"conn\",\"ts\":1.0,\"id.orig_h\":\"a\",\"id.orig_p\":1,\"id.resp_h\":\"b\",\"id.resp_p\":22}"))
                .extracting(RuleHit::rule, RuleHit::distinct)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("port-scan", "22"), org.assertj.core.groups.Tuple.tuple("host-scan", "b"));
        assertThat(hits(c, "suricata", "{\"timestamp\":\"2026-11-20T02:40:01\",\"event_type\":\"alert\",\"src_ip\":\"a\",\"alert\":{\"signature\":\"ET X\",\"severity\":2}}"))
                .extracting(RuleHit::rule, RuleHit::severity).containsExactly(org.assertj.core.groups.Tuple.tuple("ids-alert", "warning"));
        assertThat(hits(c, "zeek", "{\"_path\":\"notice\",\"ts\":1.0,\"src\":\"a\",\"note\":\"SSH::Password_Guessing\"}"))
                .extracting(RuleHit::rule, RuleHit::key).containsExactly(org.assertj.core.groups.Tuple.tuple("zeek-notice", "a SSH::Password_Guessing"));
    }

    @Test
    void disabledRule_countsNothing() {
        IocConfig c = ConfigLoader.load(null, List.of("security.sshBruteForce={enabled: false, threshold: 5, windowSeconds: 600, severity: warning}"));
        assertThat(hits(c, "auth", "Nov 20 09:15:02 h sshd[1]: Failed password for root from 45.76.12.9 port 5 ssh2")).isEmpty();
    }

    @Test
    void bruteForceThenSuccess_fixtureRaisesBruteForceOnce() {
        List<SecurityEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(event("auth", "Nov 20 09:15:0" + i + " h sshd[1]: Failed password for root from 45.76.12.9 port 5" + i + " ssh2"));
        }
        List<RuleRunner.Raised> raised = RuleRunner.run(ConfigLoader.defaults().security(), events);
        assertThat(raised).extracting(RuleRunner.Raised::rule, RuleRunner.Raised::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ssh-brute-force", 5L));
    }
}
