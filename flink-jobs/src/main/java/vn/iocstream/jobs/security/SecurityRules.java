package vn.iocstream.jobs.security;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.iocstream.core.config.IocConfig;

/**
 * The threshold rules of the {@code security:} configuration: which events count towards which rule and key.
 * Pure: the job keys the hits by rule + key and feeds them to {@link IncidentTracker}.
 */
public final class SecurityRules implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String SSH_BRUTE_FORCE = "ssh-brute-force";
    public static final String WEB_LOGIN_BRUTE_FORCE = "web-login-brute-force";
    public static final String PORT_SCAN = "port-scan";
    public static final String HOST_SCAN = "host-scan";
    public static final String WEB_PROBE = "web-probe";
    public static final String IDS_ALERT = "ids-alert";
    public static final String ZEEK_NOTICE = "zeek-notice";
    public static final String COMPROMISE = "probable-compromise";
    public static final String REQUEST_RATE = "request-rate-anomaly";

    private final IocConfig.Security config;

    public SecurityRules(IocConfig.Security config) {
        this.config = config;
    }

    /** Configuration of each threshold rule by name. */
    public Map<String, IocConfig.Rule> rules() {
        return Map.of(SSH_BRUTE_FORCE, config.sshBruteForce(), WEB_LOGIN_BRUTE_FORCE, config.webLoginBruteForce(),
                PORT_SCAN, config.portScan(), HOST_SCAN, config.hostScan(), WEB_PROBE, config.webProbe(),
                IDS_ALERT, config.idsAlert(), ZEEK_NOTICE, config.zeekNotice());
    }

    public List<RuleHit> hits(SecurityEvent e) {
        List<RuleHit> hits = new ArrayList<>(2);
        long t = e.time().toEpochMilli();
        boolean failure = SecurityEvent.FAILURE.equals(e.outcome());
        if (failure && e.action().equals("ssh-login") && !e.srcIp().isEmpty()) {
            add(hits, config.sshBruteForce(), SSH_BRUTE_FORCE, e.srcIp(), null, t, e, e.repeat(), null);
        }
        if (failure && e.action().equals("web-login") && !e.srcIp().isEmpty()) {
            add(hits, config.webLoginBruteForce(), WEB_LOGIN_BRUTE_FORCE, e.srcIp(), null, t, e, e.repeat(), null);
        }
        boolean network = (e.format().equals(SecurityEnvelope.ZEEK) || e.format().equals(SecurityEnvelope.SURICATA))
                && !e.srcIp().isEmpty() && !e.dstIp().isEmpty() && e.dstPort() > 0;
        if (network) {
            // Any log of a connection counts, not only conn/flow: a port seen twice counts once anyway.
            add(hits, config.portScan(), PORT_SCAN, e.srcIp() + " → " + e.dstIp(), Integer.toString(e.dstPort()), t, e, 1, null);
            add(hits, config.hostScan(), HOST_SCAN, e.srcIp(), e.dstIp(), t, e, 1, null);
        }
        if (isWebAttack(e)) {
            add(hits, config.webProbe(), WEB_PROBE, e.srcIp() + " " + e.signature(), null, t, e, e.repeat(), null);
        }
        if (e.action().equals("alert") && e.format().equals(SecurityEnvelope.SURICATA)) {
            String severity = config.idsAlert().severity().isEmpty() ? e.severity() : config.idsAlert().severity();
            add(hits, config.idsAlert(), IDS_ALERT, e.srcIp() + " " + e.signature(), null, t, e, 1, severity);
        }
        if (e.action().equals("notice") && e.format().equals(SecurityEnvelope.ZEEK)) {
            add(hits, config.zeekNotice(), ZEEK_NOTICE, e.srcIp() + " " + e.signature(), null, t, e, 1, null);
        }
        return hits;
    }

    /**
     * A request whose path matched an attack pattern. Logging in through wp-login.php or xmlrpc.php is what
     * those pages are for: such POSTs are the login rules' business, not probes.
     */
    static boolean isWebAttack(SecurityEvent e) {
        if (e.signature().isEmpty() || e.srcIp().isEmpty()) return false;
        if (e.action().equals("http-request")) return true;
        return e.action().equals("web-login") && !e.signature().equals("wp-login") && !e.signature().equals("xmlrpc");
    }

    private static void add(List<RuleHit> hits, IocConfig.Rule rule, String name, String key, String distinct, long t,
                            SecurityEvent e, int weight, String severity) {
        if (!rule.enabled()) return;
        hits.add(new RuleHit(name, key, distinct, t, e.id(), weight, severity == null || severity.isEmpty() ? rule.severity() : severity));
    }
}
