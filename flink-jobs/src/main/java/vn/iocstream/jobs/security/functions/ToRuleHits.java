package vn.iocstream.jobs.security.functions;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.jobs.security.RuleHit;
import vn.iocstream.jobs.security.SecurityEvent;
import vn.iocstream.jobs.security.SecurityRules;

/** One event → the hits it scores for the configured threshold rules. */
public final class ToRuleHits implements FlatMapFunction<SecurityEvent, RuleHit> {
    private static final long serialVersionUID = 1L;
    private final SecurityRules rules;

    public ToRuleHits(SecurityRules rules) {
        this.rules = rules;
    }

    @Override
    public void flatMap(SecurityEvent event, Collector<RuleHit> out) {
        for (RuleHit hit : rules.hits(event)) out.collect(hit);
    }
}
