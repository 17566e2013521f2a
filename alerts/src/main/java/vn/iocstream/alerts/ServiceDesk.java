package vn.iocstream.alerts;

import java.util.List;
import java.util.Optional;
import vn.iocstream.alerts.engine.AlertEngine;
import vn.iocstream.alerts.store.AlertStore;

/**
 * {@link AlertDesk} over the running service: actions go through the engine (which stops escalation under its lock)
 * and are stored before they return; queries read ClickHouse with the scope in the SQL; the alert itself comes from
 * the engine when it holds it (fresher than the last batch).
 */
final class ServiceDesk implements AlertDesk {
    private static final int MAX_TEXT = 2000;
    private static final int MAX_NAME = 100;

    private final AlertEngine engine;
    private final AlertStore store;
    private final AlertFeed feed;

    ServiceDesk(AlertEngine engine, AlertStore store, AlertFeed feed) {
        this.engine = engine;
        this.store = store;
        this.feed = feed;
    }

    @Override
    public Page<AlertView> list(AlertQuery query, AlertScope scope) {
        return store.list(query, scope);
    }

    @Override
    public AlertDetail get(String id, AlertScope scope) {
        AlertView alert = held(id, scope).or(() -> store.alert(id, scope))
                .orElseThrow(() -> new AlertNotFoundException("alert", id));
        return new AlertDetail(alert, store.history(id), store.evidence(alert.kind(), alert.postIds()), store.deliveries(id));
    }

    @Override
    public AlertSummary summary(AlertScope scope) {
        return new AlertSummary(store.countsByState(scope), store.activeBySeverity(scope), feed.lastSeq());
    }

    @Override
    public AlertView acknowledge(String id, String actor, String comment, AlertScope scope) {
        checkActor(actor);
        String c = optionalText(comment);
        return act(id, scope, () -> engine.acknowledge(id, actor, c, scope));
    }

    @Override
    public AlertView resolve(String id, String actor, String comment, AlertScope scope) {
        checkActor(actor);
        String c = optionalText(comment);
        return act(id, scope, () -> engine.resolve(id, actor, c, scope));
    }

    @Override
    public AlertView assign(String id, String actor, String assignee, AlertScope scope) {
        checkActor(actor);
        String a = assignee == null ? "" : assignee.strip();
        if (a.length() > MAX_NAME) throw new IllegalArgumentException("assignee longer than " + MAX_NAME + " characters");
        return act(id, scope, () -> engine.assign(id, actor, a, scope));
    }

    @Override
    public AlertView comment(String id, String actor, String text, AlertScope scope) {
        checkActor(actor);
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty comment");
        String t = optionalText(text);
        return act(id, scope, () -> engine.comment(id, actor, t, scope));
    }

    @Override
    public Silence createSilence(SilenceRequest request, String actor, AlertScope scope) {
        checkActor(actor);
        if (request == null) throw new IllegalArgumentException("empty silence");
        if (!scope.unrestricted() && !scope.permits(request.matcher().locality())) {
            throw new IllegalArgumentException("a silence must name a province (or a commune) within your localities");
        }
        Silence s = engine.createSilence(request, actor);
        store.flushNow();
        return s;
    }

    @Override
    public List<Silence> silences(boolean includeExpired, AlertScope scope) {
        return store.silences(includeExpired, scope);
    }

    @Override
    public Silence expireSilence(String id, String actor, AlertScope scope) {
        checkActor(actor);
        Silence s = engine.expireSilence(id, actor, scope);
        store.flushNow();
        return s;
    }

    @Override
    public Subscription subscribe(AlertScope scope, long lastEventId, AlertFeedListener listener) {
        if (listener == null) throw new IllegalArgumentException("no listener");
        if (lastEventId < 0) throw new IllegalArgumentException("lastEventId must be ≥ 0");
        return feed.subscribe(scope, lastEventId, listener);
    }

    @Override
    public long lastEventId() {
        return feed.lastSeq();
    }

    /** Runs an action; an alert the engine no longer holds (closed long ago) is a conflict, not a 404, if it exists. */
    private AlertView act(String id, AlertScope scope, java.util.function.Supplier<AlertView> action) {
        AlertView after;
        try {
            after = action.get();
        } catch (AlertNotFoundException e) {
            Optional<AlertView> stored = store.alert(id, scope);
            if (stored.isPresent() && !stored.get().state().active()) {
                throw new AlertConflictException("cảnh báo " + id + " đã đóng từ " + stored.get().stateSince(), stored.get().state());
            }
            throw e;
        }
        store.flushNow();
        return after;
    }

    private Optional<AlertView> held(String id, AlertScope scope) {
        return engine.view(id).filter(v -> scope.permits(v.locality()));
    }

    private static void checkActor(String actor) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("no actor");
        if (actor.length() > MAX_NAME) throw new IllegalArgumentException("actor longer than " + MAX_NAME + " characters");
        if (actor.strip().equalsIgnoreCase(AlertEvent.SYSTEM)) throw new IllegalArgumentException("'system' is reserved for the service");
    }

    private static String optionalText(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_TEXT) throw new IllegalArgumentException("comment longer than " + MAX_TEXT + " characters");
        return t;
    }
}
