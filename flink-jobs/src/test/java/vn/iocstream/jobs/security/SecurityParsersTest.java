package vn.iocstream.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.validation.RecordLimits;

/** Each parser on lines written in the shape of real sensors of a provincial data centre (own fixtures). */
class SecurityParsersTest {
    private final SecurityParsers parsers = new SecurityParsers(2026, "Asia/Ho_Chi_Minh", RecordLimits.DEFAULT);

    private SecurityEvent ok(String format, String source, String line) {
        ParseResult r = parsers.parse(new SecurityEnvelope(format, source, line, 1L, null));
        assertThat(r.error()).isNull();
        return r.event();
    }

    private String error(String format, String line) {
        ParseResult r = parsers.parse(new SecurityEnvelope(format, "x", line, 1L, null));
        assertThat(r.ok()).isFalse();
        return r.error();
    }

    @Test
    void sshdFailedPassword_loginFailureInLocalZone() {
        SecurityEvent e = ok("auth", "dvc-tayninh/auth.log",
                "Nov 20 09:15:02 dvc-tayninh sshd[31337]: Failed password for invalid user quantri from 45.76.12.9 port 51234 ssh2");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-20T02:15:02Z"));
        assertThat(e).extracting(SecurityEvent::action, SecurityEvent::outcome, SecurityEvent::user, SecurityEvent::srcIp,
                SecurityEvent::srcPort, SecurityEvent::sensor, SecurityEvent::kind)
                .containsExactly("ssh-login", "failure", "quantri", "45.76.12.9", 51234, "dvc-tayninh", "sshd");
    }

    @Test
    void messageRepeated_countsEveryRepetition() {
        SecurityEvent e = ok("auth", "a", "Nov 20 09:15:09 dvc-tayninh sshd[31337]: message repeated 4 times: "
                + "[ Failed password for root from 45.76.12.9 port 51240 ssh2]");
        assertThat(e.repeat()).isEqualTo(4);
        assertThat(e.outcome()).isEqualTo("failure");
    }

    @Test
    void acceptedPublickey_rfc3339Header_success() {
        SecurityEvent e = ok("auth", "a",
                "2026-11-20T09:20:00.512+07:00 cong-dich-vu sshd[4021]: Accepted publickey for nguyenvana from 10.20.1.15 port 60022 ssh2: ED25519 SHA256:abc");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-20T02:20:00.512Z"));
        assertThat(e).extracting(SecurityEvent::action, SecurityEvent::outcome, SecurityEvent::user, SecurityEvent::method)
                .containsExactly("ssh-login", "success", "nguyenvana", "publickey");
    }

    @Test
    void otherAuthLines_classifiedNotDeadLettered() {
        assertThat(ok("auth", "a", "Nov 20 09:15:01 h sshd[1]: Invalid user admin from 45.76.12.9 port 51230").action())
                .isEqualTo("ssh-invalid-user");
        assertThat(ok("auth", "a", "Nov 20 09:15:03 h sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=45.76.12.9  user=root"))
                .extracting(SecurityEvent::action, SecurityEvent::srcIp, SecurityEvent::user).containsExactly("pam-auth", "45.76.12.9", "root");
        assertThat(ok("auth", "a", "Nov 20 09:16:00 h sshd[1]: Received disconnect from 45.76.12.9 port 51240:11: Bye Bye [preauth]"))
                .extracting(SecurityEvent::action, SecurityEvent::srcIp).containsExactly("ssh-disconnect", "45.76.12.9");
        assertThat(ok("auth", "a", "Nov 20 09:17:00 h sudo: pam_unix(sudo:session): session opened for user root(uid=0) by quantri(uid=1000)").action())
                .isEqualTo("session-opened");
        assertThat(ok("auth", "a", "Nov 20 09:18:00 h CRON[77]: something unrelated").action()).isEqualTo("syslog");
    }

    @Test
    void brokenAuthLines_deadLetteredWithReason() {
        assertThat(error("auth", "hello world")).contains("not a syslog line");
        assertThat(error("auth", "Feb 30 10:00:00 h sshd[1]: x")).contains("impossible date");
    }

    @Test
    void combinedAccessLine_requestFieldsAndAttackSignature() {
        SecurityEvent e = ok("access", "congthongtin.tayninh.gov.vn", "113.161.44.7 - - [20/Nov/2026:09:30:12 +0700] "
                + "\"GET /tin-tuc/index.php?id=1%27%20UNION%20SELECT%20username,password%20FROM%20users-- HTTP/1.1\" 200 5120 \"-\" \"sqlmap/1.7\"");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-20T02:30:12Z"));
        assertThat(e).extracting(SecurityEvent::method, SecurityEvent::status, SecurityEvent::action, SecurityEvent::signature, SecurityEvent::sensor)
                .containsExactly("GET", 200, "http-request", "sql-injection", "congthongtin.tayninh.gov.vn");
    }

    @Test
    void wpLoginPost_loginOutcomeFromStatus() {
        String failed = "103.9.76.1 - - [20/Nov/2026:09:31:00 +0700] \"POST /wp-login.php HTTP/1.1\" 200 4300 \"-\" \"Mozilla/5.0\"";
        String succeeded = "103.9.76.1 - - [20/Nov/2026:09:31:05 +0700] \"POST /wp-login.php HTTP/1.1\" 302 0 \"-\" \"Mozilla/5.0\"";
        assertThat(ok("access", "s", failed)).extracting(SecurityEvent::action, SecurityEvent::outcome).containsExactly("web-login", "failure");
        assertThat(ok("access", "s", succeeded)).extracting(SecurityEvent::action, SecurityEvent::outcome).containsExactly("web-login", "success");
    }

    @Test
    void commonLogWithGarbageRequest_keptAsPath() {
        SecurityEvent e = ok("access", "s", "45.76.12.9 - - [20/Nov/2026:09:32:00 +0700] \"\\x16\\x03\\x01\" 400 226");
        assertThat(e).extracting(SecurityEvent::method, SecurityEvent::status).containsExactly("", 400);
        assertThat(error("access", "not an access line")).contains("access");
    }

    @Test
    void zeekConnWithEpochTs_tupleMapped() {
        SecurityEvent e = ok("zeek", "/opt/zeek/logs/current/conn.log", "{\"ts\":1763605800.25,\"uid\":\"CkVt3b1\",\"id.orig_h\":\"10.20.1.15\","
                + "\"id.orig_p\":50123,\"id.resp_h\":\"10.20.0.5\",\"id.resp_p\":3389,\"proto\":\"tcp\",\"conn_state\":\"S0\"}");
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1763605800250L));
        assertThat(e).extracting(SecurityEvent::kind, SecurityEvent::action, SecurityEvent::srcIp, SecurityEvent::dstIp, SecurityEvent::dstPort, SecurityEvent::outcome)
                .containsExactly("conn", "connection", "10.20.1.15", "10.20.0.5", 3389, "S0");
    }

    @Test
    void zeekKinds_mapped() {
        String t = "\"ts\":\"2026-11-20T02:00:00.000000Z\",\"id.orig_h\":\"10.20.1.15\",\"id.orig_p\":1,\"id.resp_h\":\"10.20.0.5\",\"id.resp_p\":80";
        assertThat(ok("zeek", "z", "{\"_path\":\"http\"," + t + ",\"method\":\"GET\",\"host\":\"dichvucong.tayninh.gov.vn\",\"uri\":\"/../../etc/passwd\",\"status_code\":404}"))
                .extracting(SecurityEvent::action, SecurityEvent::path, SecurityEvent::status, SecurityEvent::signature)
                .containsExactly("http-request", "/../../etc/passwd", 404, "path-traversal");
        assertThat(ok("zeek", "z", "{\"_path\":\"ssh\"," + t + ",\"auth_success\":false,\"auth_attempts\":6}"))
                .extracting(SecurityEvent::action, SecurityEvent::outcome, SecurityEvent::repeat).containsExactly("ssh-login", "failure", 6);
        assertThat(ok("zeek", "z", "{\"_path\":\"dns\"," + t + ",\"query\":\"tayninh.gov.vn\",\"rcode_name\":\"NOERROR\"}").path()).isEqualTo("tayninh.gov.vn");
        assertThat(ok("zeek", "z", "{\"_path\":\"ssl\"," + t + ",\"server_name\":\"mail.tayninh.gov.vn\",\"established\":true}").action()).isEqualTo("tls");
        assertThat(ok("zeek", "z", "{\"_path\":\"notice\"," + t + ",\"note\":\"Scan::Port_Scan\",\"msg\":\"10.20.1.15 scanned 25 ports\"}").signature())
                .isEqualTo("Scan::Port_Scan");
        assertThat(ok("zeek", "z", "{\"_path\":\"weird\"," + t + ",\"name\":\"bad_TCP_checksum\"}").signature()).isEqualTo("bad_TCP_checksum");
    }

    @Test
    void zeekUnknownKindWithoutPath_namedByFileNotDeadLettered() {
        SecurityEvent e = ok("zeek", "logs/modbus.09:00:00-10:00:00.log", "{\"ts\":1763605800.0,\"id.orig_h\":\"10.30.0.9\",\"func\":\"READ_COILS\"}");
        assertThat(e).extracting(SecurityEvent::kind, SecurityEvent::action, SecurityEvent::srcIp).containsExactly("modbus", "modbus", "10.30.0.9");
    }

    @Test
    void brokenZeekLines_deadLetteredWithReason() {
        assertThat(error("zeek", "#separator \\x09")).contains("not JSON");
        assertThat(error("zeek", "{\"_path\":\"conn\"}")).contains("ts");
        assertThat(error("zeek", "[1,2]")).contains("object");
    }

    @Test
    void suricataAlert_severityMappedAndOffsetWithoutColon() {
        SecurityEvent e = ok("suricata", "eve.json", "{\"timestamp\":\"2026-11-20T09:40:01.123456+0700\",\"flow_id\":1234,\"event_type\":\"alert\","
                + "\"src_ip\":\"45.76.12.9\",\"src_port\":44321,\"dest_ip\":\"10.20.0.80\",\"dest_port\":80,\"proto\":\"TCP\","
                + "\"alert\":{\"action\":\"allowed\",\"gid\":1,\"signature_id\":2010935,\"rev\":3,\"signature\":\"ET SCAN Suspicious inbound to MSSQL port 1433\","
                + "\"category\":\"Potentially Bad Traffic\",\"severity\":1}}");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-20T02:40:01.123456Z"));
        assertThat(e).extracting(SecurityEvent::action, SecurityEvent::severity, SecurityEvent::signature, SecurityEvent::proto, SecurityEvent::outcome)
                .containsExactly("alert", "critical", "ET SCAN Suspicious inbound to MSSQL port 1433", "tcp", "allowed");
    }

    @Test
    void suricataOtherTypes_mapped() {
        String t = "\"timestamp\":\"2026-11-20T02:40:01.000000\",\"src_ip\":\"10.20.1.15\",\"src_port\":5353,\"dest_ip\":\"10.20.0.53\",\"dest_port\":53,\"proto\":\"UDP\"";
        assertThat(ok("suricata", "e", "{" + t + ",\"event_type\":\"dns\",\"dns\":{\"type\":\"query\",\"rrname\":\"tayninh.gov.vn\",\"rrtype\":\"A\"}}"))
                .extracting(SecurityEvent::action, SecurityEvent::path).containsExactly("dns-query", "tayninh.gov.vn");
        assertThat(ok("suricata", "e", "{" + t + ",\"event_type\":\"flow\",\"app_proto\":\"dns\",\"flow\":{\"state\":\"established\"}}"))
                .extracting(SecurityEvent::action, SecurityEvent::outcome).containsExactly("connection", "established");
        assertThat(ok("suricata", "e", "{" + t + ",\"event_type\":\"http\",\"http\":{\"hostname\":\"dvc.tayninh.gov.vn\",\"url\":\"/xmlrpc.php\",\"http_method\":\"POST\",\"status\":200}}"))
                .extracting(SecurityEvent::action, SecurityEvent::signature, SecurityEvent::sensor).containsExactly("http-request", "xmlrpc", "dvc.tayninh.gov.vn");
        assertThat(ok("suricata", "e", "{" + t + ",\"event_type\":\"tls\",\"tls\":{\"sni\":\"mail.tayninh.gov.vn\",\"version\":\"TLS 1.2\"}}").path())
                .isEqualTo("mail.tayninh.gov.vn");
        assertThat(ok("suricata", "e", "{" + t + ",\"event_type\":\"ssh\",\"ssh\":{\"client\":{\"proto_version\":\"2.0\",\"software_version\":\"libssh2_1.4.3\"}}}").signature())
                .isEqualTo("libssh2_1.4.3");
        assertThat(error("suricata", "{\"event_type\":\"alert\"}")).contains("timestamp");
    }

    @Test
    void envelopeProblems_deadLettered() {
        assertThat(parsers.parse("not json".getBytes()).error()).startsWith("envelope");
        assertThat(parsers.parse("{\"format\":\"syslog-ng\",\"line\":\"x\"}".getBytes()).error()).contains("unknown format");
        assertThat(parsers.parse("{\"format\":\"auth\"}".getBytes()).error()).contains("missing line");
    }

    @Test
    void sameLineAtTwoOffsets_twoIdsButReplayKeepsIds() {
        String line = "Nov 20 09:15:02 h sshd[1]: Failed password for root from 45.76.12.9 port 5 ssh2";
        String a = parsers.parse(new SecurityEnvelope("auth", "s", line, 1L, null)).event().id();
        String b = parsers.parse(new SecurityEnvelope("auth", "s", line, 2L, null)).event().id();
        assertThat(a).isNotEqualTo(b).isEqualTo(parsers.parse(new SecurityEnvelope("auth", "s", line, 1L, null)).event().id());
    }

    @Test
    void syslogWithoutYear_neverLandsMoreThanADayAhead() {
        SecurityParsers inferring = new SecurityParsers(0, "UTC", RecordLimits.DEFAULT);
        Instant now = Instant.now();
        for (int daysAhead : new int[] {-200, -1, 0, 3, 40, 300}) {
            Instant at = now.plus(Duration.ofDays(daysAhead)).truncatedTo(ChronoUnit.SECONDS);
            String line = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(at)
                    + " dvc-tayninh sshd[7]: Failed password for root from 45.76.12.9 port 5 ssh2";
            Instant parsed = inferring.parse(new SecurityEnvelope("auth", "s", line, 1L, null)).event().time();
            assertThat(parsed).as("%d days ahead", daysAhead)
                    .isEqualTo(daysAhead <= 0 ? at : at.atZone(ZoneOffset.UTC).minusYears(1).toInstant());
        }
    }
}
