package vn.iocstream.alerts.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import vn.iocstream.alerts.AlertAction;
import vn.iocstream.alerts.AlertConflictException;
import vn.iocstream.alerts.AlertEvent;
import vn.iocstream.alerts.AlertNotFoundException;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.Silence;
import vn.iocstream.alerts.SilenceRequest;
import vn.iocstream.alerts.config.AlertsFile;
import vn.iocstream.alerts.config.Route;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertKinds;

/**
 * The alert lifecycle as pure logic: dedup by key, states and history, routing into groups, group timing, silences,
 * quiet hours, escalation and auto-resolve. No I/O and no threads: every input is a method call (an occurrence, a
 * person's action, {@link #tick()} for the clock), every effect goes to an {@link Output} (rows to store, events to
 * push, notifications to send). All methods synchronise on the engine, so an acknowledgement and an escalation can
 * never interleave: once {@link #acknowledge} returns, {@link #stillWanted} answers false for that alert's pending
 * notifications and no escalation step fires for it.
 *
 * <p>Time comes from the {@link Clock} given at construction (tests pass a clock they move by hand and call
 * {@link #tick()}).
 */
public final class AlertEngine {
    /** Where the engine's effects go; called under the engine's lock, so implementations only enqueue. */
    public interface Output {
        /** The managed alert changed: its {@code alerts} row. */
        void alert(AlertView view, AlertBookkeeping bookkeeping);

        /** A history entry ({@code alert_events}) and the alert after it: stored and pushed. */
        void event(AlertEvent event, AlertView after);

        /** A group changed ({@code alert_groups}). */
        void group(GroupRow row);

        /** A silence was created or ended ({@code alert_silences}). */
        void silence(Silence silence);

        /** A notification is due now. */
        void dispatch(Notification notification);
    }

    private enum TimerKind { GROUP, REPEAT, ESCALATE, RESOLVE, SILENCE, EVICT }

    private record Timer(Instant at, TimerKind kind, String key) {}

    /** One escalation notification of an alert's merged chain: {@code offset} after the episode opened. */
    private record EscalationPoint(Duration offset, Route route, List<String> receivers, int step, int round) {}

    private final Clock clock;
    private final Sequence sequence;
    private final Output out;
    private AlertsFile config;
    private RoutingTree tree;
    private final Map<String, Route> routesById = new HashMap<>();
    private final Map<String, ManagedAlert> alerts = new HashMap<>();
    private final Map<String, String> byDedupKey = new HashMap<>();
    private final Map<String, GroupState> groups = new HashMap<>();
    private final Map<String, Silence> silences = new LinkedHashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparing(Timer::at));
    private final Map<String, Instant> scheduled = new HashMap<>();

    public AlertEngine(AlertsFile config, Clock clock, Sequence sequence, Output out) {
        this.clock = clock;
        this.sequence = sequence;
        this.out = out;
        configure(config);
    }

    // ---------------------------------------------------------------- inputs

    /**
     * One occurrence from a rule. Same dedup key as an active alert: counted into it (a replayed occurrence, same raw
     * id, only updates it). Same key within the dedup window after resolution: reopens it. Otherwise: a new alert.
     * An occurrence with {@code clearedAt} resolves its alert.
     */
    public synchronized void fire(Alert raw) {
        Instant now = clock.instant();
        // Timers that came due before this input act first, on the state as it was then.
        runDue(now);
        fire(raw, now);
        runDue(now);
    }

    private void fire(Alert raw, Instant now) {
        String existingId = byDedupKey.get(raw.dedupKey());
        ManagedAlert m = existingId == null ? null : alerts.get(existingId);
        if (m != null && m.state.active()) {
            boolean replay = m.seen(raw.id());
            AlertState from = m.state;
            int oldRank = AlertKinds.rank(m.severity);
            if (!replay) {
                m.remember(raw.id());
                m.occurrences++;
            }
            m.take(raw);
            m.lastSeen = now;
            touch(m);
            event(m, now, AlertEvent.SYSTEM, AlertAction.REFIRED, from,
                    replay ? "cập nhật: " + raw.count() + " sự kiện" : "lần thứ " + m.occurrences + ": " + raw.count() + " sự kiện");
            if (raw.clearedAt() != null) {
                close(m, now, AlertEvent.SYSTEM, "quy tắc báo tình trạng đã chấm dứt");
            } else {
                if (m.state == AlertState.OPEN && AlertKinds.rank(m.severity) > oldRank) route(m, now, true);
                scheduleAlertTimers(m);
            }
            return;
        }
        if (m != null && withinDedupWindow(m, now)) {
            if (m.seen(raw.id())) return; // a replay of an occurrence already counted: nothing changes
            AlertState from = m.state;
            m.remember(raw.id());
            m.occurrences++;
            m.take(raw);
            m.lastSeen = now;
            if (raw.clearedAt() != null) {
                touch(m);
                event(m, now, AlertEvent.SYSTEM, AlertAction.REFIRED, from, "đã chấm dứt: " + raw.count() + " sự kiện");
                return;
            }
            m.resolvedBy = "";
            m.resolvedAt = null;
            m.acknowledgedBy = "";
            m.acknowledgedAt = null;
            startEpisode(m, now);
            Optional<Silence> silence = activeSilence(m.view(), now);
            m.silenceId = silence.map(Silence::id).orElse("");
            m.state = silence.isPresent() ? AlertState.SUPPRESSED : AlertState.OPEN;
            m.stateSince = now;
            touch(m);
            event(m, now, AlertEvent.SYSTEM, AlertAction.REOPENED, from,
                    "báo lại trong " + minutes(route(m).dedupWindow()) + " sau khi đóng");
            route(m, now, m.state == AlertState.OPEN);
            scheduleAlertTimers(m);
            return;
        }
        ManagedAlert fresh = new ManagedAlert(raw.id());
        fresh.remember(raw.id());
        fresh.occurrences = 1;
        fresh.state = AlertState.OPEN;
        fresh.take(raw);
        fresh.firstSeen = now;
        fresh.windowStart = raw.windowStart();
        fresh.lastSeen = now;
        startEpisode(fresh, now);
        Optional<Silence> silence = activeSilence(fresh.view(), now);
        fresh.silenceId = silence.map(Silence::id).orElse("");
        fresh.state = silence.isPresent() ? AlertState.SUPPRESSED : AlertState.OPEN;
        fresh.stateSince = now;
        alerts.put(fresh.id, fresh);
        byDedupKey.put(raw.dedupKey(), fresh.id);
        touch(fresh);
        event(fresh, now, AlertEvent.SYSTEM, AlertAction.FIRED, null,
                silence.map(s -> "tạm ẩn theo lệnh " + s.id() + ": " + s.comment()).orElse(raw.title()));
        if (raw.clearedAt() != null) {
            close(fresh, now, AlertEvent.SYSTEM, "quy tắc báo tình trạng đã chấm dứt");
            return;
        }
        route(fresh, now, fresh.state == AlertState.OPEN);
        scheduleAlertTimers(fresh);
    }

    /** See {@link vn.iocstream.alerts.AlertDesk#acknowledge}. */
    public synchronized AlertView acknowledge(String id, String actor, String comment, AlertScope scope) {
        Instant now = clock.instant();
        runDue(now);
        ManagedAlert m = visible(id, scope);
        if (m.state != AlertState.OPEN && m.state != AlertState.SUPPRESSED) {
            throw conflict(m, "xác nhận");
        }
        AlertState from = m.state;
        m.state = AlertState.ACKNOWLEDGED;
        m.stateSince = now;
        m.acknowledgedBy = actor;
        m.acknowledgedAt = now;
        touch(m);
        event(m, now, actor, AlertAction.ACKNOWLEDGED, from, comment);
        for (GroupState g : groupsOf(m.id)) {
            if (g.pending.remove(m.id)) writeGroup(g);
        }
        return m.view();
    }

    /** See {@link vn.iocstream.alerts.AlertDesk#resolve}. */
    public synchronized AlertView resolve(String id, String actor, String comment, AlertScope scope) {
        runDue(clock.instant());
        ManagedAlert m = visible(id, scope);
        if (!m.state.active()) throw conflict(m, "đóng");
        close(m, clock.instant(), actor, comment);
        return m.view();
    }

    /** See {@link vn.iocstream.alerts.AlertDesk#assign}. */
    public synchronized AlertView assign(String id, String actor, String assignee, AlertScope scope) {
        ManagedAlert m = visible(id, scope);
        if (!m.state.active()) throw conflict(m, "giao xử lý");
        m.assignee = assignee;
        touch(m);
        event(m, clock.instant(), actor, AlertAction.ASSIGNED, m.state, assignee);
        return m.view();
    }

    /** See {@link vn.iocstream.alerts.AlertDesk#comment}. */
    public synchronized AlertView comment(String id, String actor, String text, AlertScope scope) {
        ManagedAlert m = visible(id, scope);
        touch(m);
        event(m, clock.instant(), actor, AlertAction.COMMENTED, m.state, text);
        return m.view();
    }

    /** Whether the engine holds the alert (active, or closed within its dedup window). */
    public synchronized boolean holds(String id) {
        return alerts.containsKey(id);
    }

    /** Creates a silence and suppresses the open alerts it matches. */
    public synchronized Silence createSilence(SilenceRequest request, String actor) {
        Instant now = clock.instant();
        runDue(now);
        Instant start = request.startsAt() == null ? now : request.startsAt();
        if (!request.endsAt().isAfter(start)) throw new IllegalArgumentException("endsAt must be after startsAt");
        if (Duration.between(start, request.endsAt()).compareTo(SilenceRequest.MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("a silence lasts at most 90 days");
        }
        String id = Ids.of("silence", actor, Long.toString(sequence.next()));
        Silence s = new Silence(id, request.matcher(), start, request.endsAt(), actor, now, request.comment(), "", null);
        silences.put(id, s);
        out.silence(s);
        if (s.activeAt(now)) applySilence(s, now);
        schedule(TimerKind.SILENCE, id, start.isAfter(now) ? start : s.endsAt());
        runDue(now);
        return s;
    }

    /** Ends a silence now; the alerts it suppressed that still fire open and are notified. */
    public synchronized Silence expireSilence(String id, String actor, AlertScope scope) {
        Instant now = clock.instant();
        runDue(now);
        Silence s = silences.get(id);
        if (s == null || !scope.unrestricted() && !scope.permits(s.matcher().locality())) {
            throw new AlertNotFoundException("silence", id);
        }
        if (s.status(now) == Silence.Status.EXPIRED) {
            throw new AlertConflictException("lệnh tạm ẩn " + id + " đã hết hiệu lực", null);
        }
        Silence ended = new Silence(s.id(), s.matcher(), s.startsAt(), s.endsAt(), s.createdBy(), s.createdAt(),
                s.comment(), actor, now);
        silences.put(id, ended);
        out.silence(ended);
        liftSilence(ended, now);
        runDue(now);
        return ended;
    }

    /** Silences known to the engine (active, pending, and ended ones not yet forgotten). */
    public synchronized List<Silence> silences() {
        return List.copyOf(silences.values());
    }

    /** Runs every timer that is due: group notifications, repeats, escalation, auto-resolve, silence ends. */
    public synchronized void tick() {
        runDue(clock.instant());
    }

    /** Every input ends here, so that a {@code groupWait: 0} notification leaves before the input returns. */
    private void runDue(Instant now) {
        while (!timers.isEmpty() && !timers.peek().at().isAfter(now)) {
            Timer t = timers.poll();
            String slot = t.kind() + "\n" + t.key();
            if (!t.at().equals(scheduled.get(slot))) continue; // superseded by a later schedule
            scheduled.remove(slot);
            switch (t.kind()) {
                case GROUP, REPEAT -> onGroupTimer(t.key(), now);
                case ESCALATE -> onEscalationTimer(t.key(), now);
                case RESOLVE -> onResolveTimer(t.key(), now);
                case SILENCE -> onSilenceTimer(t.key(), now);
                case EVICT -> onEvictTimer(t.key(), now);
            }
        }
    }

    /** The earliest pending timer, for a scheduler that sleeps until then. */
    public synchronized Optional<Instant> nextTimer() {
        return timers.isEmpty() ? Optional.empty() : Optional.of(timers.peek().at());
    }

    /**
     * Whether a notification should still be sent (asked before every attempt): resolved notifications always; the
     * others while one of their alerts is still open. After {@link #acknowledge} returns, false for every
     * notification about that alert alone.
     */
    public synchronized boolean stillWanted(Notification n) {
        if (Notification.RESOLVED.equals(n.reason())) return true;
        for (String id : n.alertIds()) {
            ManagedAlert m = alerts.get(id);
            if (m != null && m.state == AlertState.OPEN) return true;
        }
        return false;
    }

    /** Current views of the given alerts that the engine holds, in the given order. */
    public synchronized List<AlertView> views(Collection<String> ids) {
        List<AlertView> views = new ArrayList<>();
        for (String id : ids) {
            ManagedAlert m = alerts.get(id);
            if (m != null) views.add(m.view());
        }
        return views;
    }

    public synchronized Optional<AlertView> view(String id) {
        ManagedAlert m = alerts.get(id);
        return m == null ? Optional.empty() : Optional.of(m.view());
    }

    /** Active alerts held (open, acknowledged, suppressed). */
    public synchronized int activeCount() {
        return (int) alerts.values().stream().filter(m -> m.state.active()).count();
    }

    public synchronized AlertsFile config() {
        return config;
    }

    /**
     * Switches to a new routing file (reload). Groups of routes that no longer exist are dropped and their alerts'
     * pending announcements move to the groups of the new routes; escalation follows the new chains from the step
     * reached.
     */
    public synchronized void reconfigure(AlertsFile next) {
        Set<String> pendingBefore = new LinkedHashSet<>();
        groups.values().forEach(g -> pendingBefore.addAll(g.pending));
        configure(next);
        Instant now = clock.instant();
        groups.values().removeIf(g -> !routesById.containsKey(g.route));
        for (ManagedAlert m : alerts.values()) {
            if (!m.state.active()) continue;
            route(m, now, m.state == AlertState.OPEN && pendingBefore.contains(m.id));
            scheduleAlertTimers(m);
        }
    }

    /**
     * Restores the state stored before a restart, then schedules every timer (those that came due while the service
     * was down fire at the next {@link #tick()}).
     */
    public synchronized void restore(List<StoredAlert> stored, List<GroupRow> storedGroups, List<Silence> storedSilences) {
        Instant now = clock.instant();
        for (Silence s : storedSilences) {
            silences.put(s.id(), s);
            if (s.status(now) != Silence.Status.EXPIRED) schedule(TimerKind.SILENCE, s.id(), s.startsAt().isAfter(now) ? s.startsAt() : s.endsAt());
        }
        for (StoredAlert s : stored) {
            ManagedAlert m = ManagedAlert.fromView(s.view(), s.bookkeeping());
            alerts.put(m.id, m);
            byDedupKey.merge(m.latest.dedupKey(), m.id, (a, b) -> newer(a, b));
            sequence.advanceTo(m.version);
        }
        for (GroupRow r : storedGroups) {
            if (!routesById.containsKey(r.route()) || r.members().isEmpty()) continue;
            GroupState g = GroupState.of(r);
            g.members.removeIf(id -> !alerts.containsKey(id) || !alerts.get(id).state.active());
            g.pending.retainAll(g.members);
            g.notified.retainAll(g.members);
            groups.put(g.id, g);
            sequence.advanceTo(g.version);
        }
        for (ManagedAlert m : alerts.values()) {
            if (m.state.active()) {
                route(m, now, false);
                scheduleAlertTimers(m);
            } else {
                schedule(TimerKind.EVICT, m.id, m.resolvedAt.plus(route(m).dedupWindow()));
            }
        }
    }

    /** A stored alert row, for {@link #restore}. */
    public record StoredAlert(AlertView view, AlertBookkeeping bookkeeping) {}

    // ---------------------------------------------------------------- transitions

    private void close(ManagedAlert m, Instant now, String actor, String comment) {
        AlertState from = m.state;
        m.state = from == AlertState.SUPPRESSED && AlertEvent.SYSTEM.equals(actor) ? AlertState.EXPIRED : AlertState.RESOLVED;
        m.stateSince = now;
        m.resolvedBy = actor;
        m.resolvedAt = now;
        touch(m);
        event(m, now, actor, m.state == AlertState.EXPIRED ? AlertAction.EXPIRED : AlertAction.RESOLVED, from, comment);
        for (GroupState g : groupsOf(m.id)) {
            g.members.remove(m.id);
            g.pending.remove(m.id);
            Route r = routesById.get(g.route);
            if (g.notified.remove(m.id) && r != null && r.sendResolved()) {
                for (String receiver : r.receivers()) {
                    out.dispatch(new Notification(Ids.of("n", g.id, receiver, Notification.RESOLVED, m.id, Integer.toString(m.episode)),
                            Notification.RESOLVED, r.id(), receiver, g.groupKey, List.of(m.id), now));
                }
            }
            writeGroup(g);
            if (g.members.isEmpty()) groups.remove(g.id);
        }
        schedule(TimerKind.EVICT, m.id, now.plus(route(m).dedupWindow()));
    }

    private void suppress(ManagedAlert m, Silence s, Instant now) {
        AlertState from = m.state;
        m.state = AlertState.SUPPRESSED;
        m.silenceId = s.id();
        m.stateSince = now;
        touch(m);
        event(m, now, AlertEvent.SYSTEM, AlertAction.SUPPRESSED, from, "lệnh tạm ẩn " + s.id() + " của " + s.createdBy() + ": " + s.comment());
        for (GroupState g : groupsOf(m.id)) {
            if (g.pending.remove(m.id)) writeGroup(g);
        }
    }

    private void applySilence(Silence s, Instant now) {
        for (ManagedAlert m : List.copyOf(alerts.values())) {
            if (m.state == AlertState.OPEN && s.matcher().matches(m.view())) suppress(m, s, now);
        }
    }

    private void liftSilence(Silence s, Instant now) {
        for (ManagedAlert m : List.copyOf(alerts.values())) {
            if (m.state != AlertState.SUPPRESSED || !s.id().equals(m.silenceId)) continue;
            Optional<Silence> other = activeSilence(m.view(), now);
            if (other.isPresent()) {
                m.silenceId = other.get().id();
                touch(m);
                continue;
            }
            m.state = AlertState.OPEN;
            m.silenceId = "";
            m.stateSince = now;
            startEpisode(m, now);
            touch(m);
            event(m, now, AlertEvent.SYSTEM, AlertAction.UNSUPPRESSED, AlertState.SUPPRESSED, "lệnh tạm ẩn " + s.id() + " đã hết");
            route(m, now, true);
            scheduleAlertTimers(m);
        }
    }

    private void startEpisode(ManagedAlert m, Instant now) {
        m.episode++;
        m.openedAt = now;
        m.escalationStep = 0;
    }

    // ---------------------------------------------------------------- routing and groups

    /** The first route an alert ends at: its timings (resolveAfter, dedupWindow) come from there. */
    private Route route(ManagedAlert m) {
        List<Route> routes = tree.routes(m.view());
        return routes.isEmpty() ? config.root() : routes.get(0);
    }

    /** Puts the alert in the groups of its routes; {@code announce} marks it as news for their receivers. */
    private void route(ManagedAlert m, Instant now, boolean announce) {
        AlertView v = m.view();
        for (Route r : tree.routes(v)) {
            if (r.receivers().isEmpty()) continue;
            String key = RoutingTree.groupKey(r, v);
            String gid = Ids.of("g", r.id(), key);
            GroupState g = groups.computeIfAbsent(gid, id -> new GroupState(id, r.id(), key));
            boolean changed = g.members.add(m.id);
            if (announce && g.pending.add(m.id)) {
                if (g.firstPendingAt == null) g.firstPendingAt = now;
                changed = true;
            }
            if (changed) writeGroup(g);
            scheduleGroupTimers(g, r);
        }
    }

    private void onGroupTimer(String gid, Instant now) {
        GroupState g = groups.get(gid);
        Route r = g == null ? null : routesById.get(g.route);
        if (r == null) return;
        Instant due = groupDue(g, r);
        if (due != null && !due.isAfter(now)) flush(g, r, now);
        Instant repeat = repeatDue(g, r);
        if (repeat != null && !repeat.isAfter(now)) repeatGroup(g, r, now);
        scheduleGroupTimers(g, r);
    }

    private void flush(GroupState g, Route r, Instant now) {
        List<String> news = new ArrayList<>();
        for (String id : g.pending) {
            ManagedAlert m = alerts.get(id);
            if (m != null && m.state == AlertState.OPEN) news.add(id);
        }
        g.pending.clear();
        g.firstPendingAt = null;
        if (news.isEmpty()) {
            writeGroup(g);
            return;
        }
        List<String> ids = new ArrayList<>(news);
        StringBuilder what = new StringBuilder();
        for (String id : news) what.append(id).append('#').append(alerts.get(id).episode).append(';');
        for (String id : g.members) {
            ManagedAlert m = alerts.get(id);
            if (!news.contains(id) && m != null && m.state == AlertState.OPEN) ids.add(id);
        }
        for (String receiver : r.receivers()) {
            out.dispatch(new Notification(Ids.of("n", g.id, receiver, Notification.FIRING, what.toString()),
                    Notification.FIRING, r.id(), receiver, g.groupKey, ids, now));
        }
        g.notified.addAll(news);
        g.lastNotifiedAt = now;
        writeGroup(g);
    }

    private void repeatGroup(GroupState g, Route r, Instant now) {
        List<String> open = new ArrayList<>();
        for (String id : g.members) {
            ManagedAlert m = alerts.get(id);
            if (m != null && m.state == AlertState.OPEN) open.add(id);
        }
        if (open.isEmpty()) return;
        for (String receiver : r.receivers()) {
            out.dispatch(new Notification(Ids.of("n", g.id, receiver, Notification.REPEAT, g.lastNotifiedAt.toString()),
                    Notification.REPEAT, r.id(), receiver, g.groupKey, open, now));
        }
        g.lastNotifiedAt = now;
        writeGroup(g);
    }

    /** When the group's pending news is due: groupWait after the first news, or groupInterval after the last notification. */
    private Instant groupDue(GroupState g, Route r) {
        if (g.pending.isEmpty() || g.firstPendingAt == null) return null;
        Instant due = g.lastNotifiedAt == null ? g.firstPendingAt.plus(r.groupWait())
                : latest(g.firstPendingAt, g.lastNotifiedAt.plus(r.groupInterval()));
        return afterQuiet(r, due, maxSeverity(g.pending));
    }

    private Instant repeatDue(GroupState g, Route r) {
        if (r.repeatInterval().isZero() || g.lastNotifiedAt == null) return null;
        List<String> open = g.members.stream().filter(id -> alerts.containsKey(id) && alerts.get(id).state == AlertState.OPEN).toList();
        if (open.isEmpty()) return null;
        return afterQuiet(r, g.lastNotifiedAt.plus(r.repeatInterval()), maxSeverity(open));
    }

    private void scheduleGroupTimers(GroupState g, Route r) {
        Instant due = groupDue(g, r);
        if (due != null) schedule(TimerKind.GROUP, g.id, due);
        Instant repeat = repeatDue(g, r);
        if (repeat != null) schedule(TimerKind.REPEAT, g.id, repeat);
    }

    private String maxSeverity(Collection<String> ids) {
        String max = AlertKinds.INFO;
        for (String id : ids) {
            ManagedAlert m = alerts.get(id);
            if (m != null && AlertKinds.rank(m.severity) > AlertKinds.rank(max)) max = m.severity;
        }
        return max;
    }

    private Instant afterQuiet(Route r, Instant due, String severity) {
        return r.quiet().quietUntil(due, severity, config.zone()).orElse(due);
    }

    private List<GroupState> groupsOf(String alertId) {
        List<GroupState> found = new ArrayList<>();
        for (GroupState g : groups.values()) if (g.members.contains(alertId) || g.pending.contains(alertId)) found.add(g);
        return found;
    }

    private void writeGroup(GroupState g) {
        g.version = sequence.next();
        out.group(g.row());
    }

    // ---------------------------------------------------------------- escalation and auto-resolve

    private List<EscalationPoint> escalationChain(ManagedAlert m) {
        List<EscalationPoint> points = new ArrayList<>();
        for (Route r : tree.routes(m.view())) {
            Duration offset = Duration.ZERO;
            int step = 0;
            for (Route.EscalationStep s : r.escalation()) {
                step++;
                for (int round = 0; round <= s.repeat(); round++) {
                    offset = offset.plus(s.after());
                    points.add(new EscalationPoint(offset, r, s.receivers(), step, round));
                }
            }
        }
        points.sort(Comparator.comparing(EscalationPoint::offset));
        return points;
    }

    private Instant escalationDue(ManagedAlert m, List<EscalationPoint> chain) {
        if (m.state != AlertState.OPEN || m.escalationStep >= chain.size()) return null;
        EscalationPoint p = chain.get(m.escalationStep);
        return afterQuiet(p.route(), m.openedAt.plus(p.offset()), m.severity);
    }

    private void onEscalationTimer(String id, Instant now) {
        ManagedAlert m = alerts.get(id);
        if (m == null) return;
        List<EscalationPoint> chain = escalationChain(m);
        Instant due;
        while ((due = escalationDue(m, chain)) != null && !due.isAfter(now)) {
            EscalationPoint p = chain.get(m.escalationStep);
            for (String receiver : p.receivers()) {
                out.dispatch(new Notification(Ids.of("n", m.id, Notification.ESCALATION, Integer.toString(m.episode),
                        Integer.toString(m.escalationStep), receiver), Notification.ESCALATION, p.route().id(), receiver,
                        m.id, List.of(m.id), now));
            }
            m.escalationStep++;
            touch(m);
            event(m, now, AlertEvent.SYSTEM, AlertAction.ESCALATED, m.state, "bậc " + p.step()
                    + (p.round() > 0 ? " (lần " + (p.round() + 1) + ")" : "") + ": chưa ai xác nhận sau "
                    + minutes(Duration.between(m.openedAt, now)) + ", báo " + String.join(", ", p.receivers()));
        }
        if (due != null) schedule(TimerKind.ESCALATE, id, due);
    }

    private Instant resolveDue(ManagedAlert m) {
        return m.state.active() ? m.lastSeen.plus(route(m).resolveAfter()) : null;
    }

    private void onResolveTimer(String id, Instant now) {
        ManagedAlert m = alerts.get(id);
        if (m == null) return;
        Instant due = resolveDue(m);
        if (due == null) return;
        if (!due.isAfter(now)) {
            close(m, now, AlertEvent.SYSTEM, "không báo lại trong " + minutes(route(m).resolveAfter()));
        } else {
            schedule(TimerKind.RESOLVE, id, due);
        }
    }

    private void scheduleAlertTimers(ManagedAlert m) {
        Instant resolve = resolveDue(m);
        if (resolve != null) schedule(TimerKind.RESOLVE, m.id, resolve);
        Instant escalate = escalationDue(m, escalationChain(m));
        if (escalate != null) schedule(TimerKind.ESCALATE, m.id, escalate);
    }

    private void onSilenceTimer(String id, Instant now) {
        Silence s = silences.get(id);
        if (s == null) return;
        switch (s.status(now)) {
            case PENDING -> schedule(TimerKind.SILENCE, id, s.startsAt());
            case ACTIVE -> {
                applySilence(s, now);
                schedule(TimerKind.SILENCE, id, s.endsAt());
            }
            case EXPIRED -> liftSilence(s, now);
        }
    }

    private void onEvictTimer(String id, Instant now) {
        ManagedAlert m = alerts.get(id);
        if (m == null || m.state.active()) return;
        if (withinDedupWindow(m, now)) {
            schedule(TimerKind.EVICT, id, m.resolvedAt.plus(route(m).dedupWindow()));
            return;
        }
        alerts.remove(id);
        byDedupKey.remove(m.latest.dedupKey(), id);
        // Silences that ended long ago are forgotten with the alerts they could have concerned.
        silences.values().removeIf(s -> s.status(now) == Silence.Status.EXPIRED
                && !s.endsAt().plus(Duration.ofDays(30)).isAfter(now));
    }

    // ---------------------------------------------------------------- helpers

    private void configure(AlertsFile next) {
        config = next;
        tree = new RoutingTree(next.root());
        routesById.clear();
        for (Route r : next.allRoutes()) routesById.put(r.id(), r);
    }

    private boolean withinDedupWindow(ManagedAlert m, Instant now) {
        return m.resolvedAt != null && now.isBefore(m.resolvedAt.plus(route(m).dedupWindow()));
    }

    private Optional<Silence> activeSilence(AlertView v, Instant now) {
        for (Silence s : silences.values()) {
            if (s.activeAt(now) && s.matcher().matches(v)) return Optional.of(s);
        }
        return Optional.empty();
    }

    private ManagedAlert visible(String id, AlertScope scope) {
        ManagedAlert m = id == null ? null : alerts.get(id);
        if (m == null || !scope.permits(m.latest.locality())) throw new AlertNotFoundException("alert", id);
        return m;
    }

    private static AlertConflictException conflict(ManagedAlert m, String action) {
        String state = switch (m.state) {
            case OPEN -> "đang mở";
            case ACKNOWLEDGED -> "đã được " + m.acknowledgedBy + " xác nhận";
            case RESOLVED -> "đã được " + m.resolvedBy + " đóng";
            case SUPPRESSED -> "đang tạm ẩn";
            case EXPIRED -> "đã hết hạn";
        };
        return new AlertConflictException("không thể " + action + " cảnh báo " + m.id + ": cảnh báo " + state, m.state);
    }

    private void touch(ManagedAlert m) {
        m.version = sequence.next();
        out.alert(m.view(), m.bookkeeping());
    }

    private void event(ManagedAlert m, Instant now, String actor, AlertAction action, AlertState from, String comment) {
        AlertEvent e = new AlertEvent(sequence.next(), m.id, now, actor, action, from == null ? m.state : from, m.state,
                comment == null ? "" : comment);
        out.event(e, m.view());
    }

    private void schedule(TimerKind kind, String key, Instant at) {
        String slot = kind + "\n" + key;
        if (at.equals(scheduled.put(slot, at))) return;
        timers.add(new Timer(at, kind, key));
    }

    private String newer(String a, String b) {
        return alerts.get(a).version >= alerts.get(b).version ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 60 && m % 60 == 0 ? (m / 60) + " giờ" : m >= 1 ? m + " phút" : d.toSeconds() + " giây";
    }
}
