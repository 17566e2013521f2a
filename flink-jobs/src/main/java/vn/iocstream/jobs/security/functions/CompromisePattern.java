package vn.iocstream.jobs.security.functions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.util.Collector;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.jobs.security.SecurityEvent;
import vn.iocstream.jobs.security.SecurityRules;

/**
 * "Failures then success" from one source — a probable compromise — as a Flink CEP pattern over login events
 * (SSH and web) keyed by source address: {@code threshold} consecutive failures, then a success, all within
 * the window. CEP is used here only: it is a true sequence, and the job feeds it the login events alone (a
 * small share of the stream), so CEP's per-event cost (PLATFORM.md: ~4k events/s) is paid on that share only.
 *
 * <p>Exactly {@code threshold} failures, not "or more": CEP starts a partial match at every event, and with
 * an open-ended loop each of a brute-forcer's thousand failures kept its partial match alive for the whole
 * window — measured: SecurityBench ran out of a 2 GB heap. With a fixed count a partial match dies at the
 * next event that does not fit, so at most threshold + 1 live per source. The match therefore holds the last
 * {@code threshold} failures before the success; the brute-force alert of the same source has the total.
 * After a match, the source starts afresh (skip past the success).
 */
public final class CompromisePattern {
    private CompromisePattern() {}

    /**
     * What the pattern needs of a login event. CEP keeps every event of a partial match in state and copies
     * it into each checkpoint, and the events cross the network to reach it: the whole event (raw line and
     * all) cost both for fields no one reads.
     */
    public record Login(String id, long timeMs, String srcIp, boolean success, int repeat) {
        public static Login of(SecurityEvent e) {
            return new Login(e.id(), e.time().toEpochMilli(), e.srcIp(), e.outcome().equals(SecurityEvent.SUCCESS), e.repeat());
        }
    }

    /** Whether an event goes into the pattern's stream. */
    public static boolean isLogin(SecurityEvent e) {
        return (e.action().equals("ssh-login") || e.action().equals("web-login")) && !e.srcIp().isEmpty()
                && (e.outcome().equals(SecurityEvent.FAILURE) || e.outcome().equals(SecurityEvent.SUCCESS));
    }

    public static Pattern<Login, Login> pattern(int threshold, Duration window) {
        return Pattern.<Login>begin("failures", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(SimpleCondition.of(e -> !e.success()))
                .times(threshold).consecutive()
                .next("success")
                .where(SimpleCondition.of(Login::success))
                .within(window);
    }

    /** One alert per match, keyed by the source; evidence: the first failures and the success. */
    public static final class ToAlert extends PatternProcessFunction<Login, Alert> {
        private static final long serialVersionUID = 1L;
        private final String severity;
        private final IocConfig.Site site;

        /** @param site where the logging servers are: the alerts' locality */
        public ToAlert(String severity, IocConfig.Site site) {
            this.severity = severity;
            this.site = site;
        }

        @Override
        public void processMatch(Map<String, List<Login>> match, Context ctx, Collector<Alert> out) {
            List<Login> failures = match.get("failures");
            Login success = match.get("success").get(0);
            long failed = failures.stream().mapToLong(Login::repeat).sum();
            List<String> evidence = new java.util.ArrayList<>(failures.stream().limit(9).map(Login::id).toList());
            evidence.add(success.id());
            // The id is anchored at the success: re-delivered duplicates of the failures can shift which of
            // them the match holds, but not the success it ends with.
            long successMs = success.timeMs();
            out.collect(SecurityAlerts.alert(SecurityRules.COMPROMISE, severity, success.srcIp(), successMs,
                    failures.get(0).timeMs(), successMs, failed, 0, evidence, List.of(), site));
        }
    }
}
