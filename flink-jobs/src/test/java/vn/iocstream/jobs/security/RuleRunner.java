package vn.iocstream.jobs.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.iocstream.core.config.IocConfig;

/**
 * Applies the threshold rules to events the way IncidentAlerts does (event-time order, ties by event id,
 * one tracker per rule and key), without Flink: for tests on whole log files.
 */
final class RuleRunner {
    record Raised(String rule, String key, long firstMs, long count) {}

    private RuleRunner() {}

    static List<Raised> run(IocConfig.Security config, List<SecurityEvent> events) {
        SecurityRules rules = new SecurityRules(config);
        List<RuleHit> hits = new ArrayList<>();
        for (SecurityEvent e : events) hits.addAll(rules.hits(e));
        hits.sort(Comparator.comparingLong(RuleHit::timeMs).thenComparing(RuleHit::eventId));
        Map<String, IncidentState> states = new HashMap<>();
        List<Raised> raised = new ArrayList<>();
        for (RuleHit hit : hits) {
            IocConfig.Rule r = rules.rules().get(hit.rule());
            IncidentTracker tracker = new IncidentTracker(r.threshold(), r.windowSeconds() * 1000L);
            IncidentState s = states.computeIfAbsent(hit.stateKey(), k -> new IncidentState());
            tracker.add(s, hit).ifPresent(i -> raised.add(new Raised(hit.rule(), hit.key(), i.firstMs(), i.count())));
        }
        return raised;
    }
}
