package vn.iocstream.jobs.security.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.jobs.security.IncidentState;
import vn.iocstream.jobs.security.IncidentTracker;
import vn.iocstream.jobs.security.RuleHit;

/**
 * Keyed by rule + key: runs {@link IncidentTracker} for every threshold rule. Hits wait in state until the
 * watermark passes their time and are then applied in event-time order (ties by event id), so that arrival
 * order across Kafka partitions cannot change an incident's start — nor its alert id. A timer one window
 * after the last hit closes the incident (a final alert if it grew) and clears the key.
 *
 * <p>Waiting for the watermark delays every alert by the out-of-orderness (30 s by default), too long for an IDS
 * alert. So a hit that opens an incident by itself ({@link IncidentTracker#openedAlone}: pass-through rules such
 * as {@code ids-alert}) is announced on arrival, when the key has nothing pending: the same alert the ordered path
 * would send for it. The ordered path then sends no opening alert for the incident it falls into, which keeps the
 * announced id even if an earlier hit arrived in between ({@link IncidentTracker#adopt}), so the close report
 * updates the announced alert.
 */
public final class IncidentAlerts extends KeyedProcessFunction<String, RuleHit, Alert> {
    private static final long serialVersionUID = 1L;
    private final Map<String, IocConfig.Rule> rules;
    private final IocConfig.Site site;
    private transient MapState<Long, List<RuleHit>> pending;
    private transient ValueState<IncidentState> state;
    /** The hit announced ahead of the watermark, until an incident takes its alert over. */
    private transient ValueState<RuleHit> announced;

    /** @param site where the logging servers are: the alerts' locality */
    public IncidentAlerts(Map<String, IocConfig.Rule> rules, IocConfig.Site site) {
        this.rules = Map.copyOf(rules);
        this.site = site;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-hits", Types.LONG,
                TypeInformation.of(new TypeHint<List<RuleHit>>() {})));
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("incident", TypeInformation.of(IncidentState.class)));
        announced = getRuntimeContext().getState(new ValueStateDescriptor<>("announced-hit", TypeInformation.of(RuleHit.class)));
    }

    @Override
    public void processElement(RuleHit hit, Context ctx, Collector<Alert> out) throws Exception {
        long t = hit.timeMs();
        if (t <= ctx.timerService().currentWatermark()) { // late: apply now rather than drop it
            apply(List.of(hit), ctx.timerService(), out);
            return;
        }
        if (pending.isEmpty()) announce(hit, out);
        List<RuleHit> at = pending.get(t);
        if (at == null) at = new ArrayList<>(1);
        at.add(hit);
        pending.put(t, at);
        ctx.timerService().registerEventTimeTimer(t);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<RuleHit> due = pending.get(timestamp);
        if (due != null) {
            pending.remove(timestamp);
            due.sort(Comparator.comparing(RuleHit::eventId));
            apply(due, ctx.timerService(), out);
        }
        RuleHit early = announced.value();
        if (early != null && early.timeMs() <= timestamp) {
            // The announced hit grew an incident that had opened under its own id (hits that came after it bridged
            // the gap to it): the announced alert is resolved, or nothing would ever close it.
            IncidentTracker.Incident alone = tracker(early.rule()).openedAlone(new IncidentState(), early).orElseThrow();
            out.collect(toAlert(ctx.getCurrentKey(), alone).clearedAt(Instant.ofEpochMilli(early.timeMs())));
            announced.clear();
        }
        IncidentState s = state.value();
        if (s == null) return;
        String rule = ctx.getCurrentKey().substring(0, ctx.getCurrentKey().indexOf('\u001f'));
        IncidentTracker tracker = tracker(rule);
        if (timestamp >= tracker.expiresAtMs(s)) {
            // The incident is over: its final count goes out marked cleared, which resolves the managed alert.
            tracker.close(s).ifPresent(i -> out.collect(toAlert(ctx.getCurrentKey(), i).clearedAt(Instant.ofEpochMilli(i.lastMs()))));
            state.clear();
        }
    }

    private void apply(List<RuleHit> hits, org.apache.flink.streaming.api.TimerService timers, Collector<Alert> out) throws Exception {
        IncidentState s = state.value();
        if (s == null) s = new IncidentState();
        for (RuleHit hit : hits) {
            IncidentTracker tracker = tracker(hit.rule());
            Optional<IncidentTracker.Incident> opened = tracker.add(s, hit);
            if (opened.isPresent()) {
                RuleHit early = announced.value();
                if (early != null && tracker.adopt(s, early.timeMs())) announced.clear(); // its alert is out already
                else out.collect(toAlert(hit.stateKey(), opened.get()));
            }
            timers.registerEventTimeTimer(tracker.expiresAtMs(s));
        }
        state.update(s);
    }

    /** Sends the alert of a hit that opens an incident by itself at once, and remembers it was sent. */
    private void announce(RuleHit hit, Collector<Alert> out) throws Exception {
        IncidentState s = state.value();
        Optional<IncidentTracker.Incident> alone = tracker(hit.rule()).openedAlone(s == null ? new IncidentState() : s, hit);
        if (alone.isEmpty()) return;
        out.collect(toAlert(hit.stateKey(), alone.get()));
        announced.update(hit);
    }

    private IncidentTracker tracker(String rule) {
        IocConfig.Rule r = rules.get(rule);
        return new IncidentTracker(r.threshold(), r.windowSeconds() * 1000L);
    }

    private Alert toAlert(String stateKey, IncidentTracker.Incident i) {
        int sep = stateKey.indexOf('\u001f');
        String rule = stateKey.substring(0, sep);
        String key = stateKey.substring(sep + 1);
        return SecurityAlerts.alert(rule, i.severity(), key, i.anchorMs(), i.firstMs(), i.lastMs(), i.count(), 0,
                i.sampleIds(), i.distinct(), site);
    }
}
