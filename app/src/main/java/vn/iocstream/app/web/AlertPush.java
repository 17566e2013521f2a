package vn.iocstream.app.web;

import io.javalin.http.sse.SseClient;
import java.util.function.BooleanSupplier;
import vn.iocstream.alerts.AlertDesk;
import vn.iocstream.alerts.AlertFeedEvent;
import vn.iocstream.alerts.AlertFeedListener;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.core.json.Json;

/**
 * Alert changes pushed to an open page as server-sent events, from the alerts service's feed in the page's scope
 * (the service checks each event against it). The event id is the feed's sequence number: a page that reconnects
 * sends it back as {@code Last-Event-ID} and gets what it missed; when that is no longer available it gets a
 * {@code reset} event and reloads its list. The stream ends when the session does.
 */
final class AlertPush {
    private AlertPush() {}

    static void open(AlertDesk desk, SseClient sse, AlertScope scope, long lastEventId, BooleanSupplier sessionAlive) {
        AlertDesk.Subscription[] subscription = new AlertDesk.Subscription[1];
        subscription[0] = desk.subscribe(scope, lastEventId, new AlertFeedListener() {
            @Override
            public void onEvent(AlertFeedEvent e) {
                if (!sessionAlive.getAsBoolean() || sse.terminated()) {
                    sse.close();
                    if (subscription[0] != null) subscription[0].close();
                    return;
                }
                sse.sendEvent("alert", Json.string(e.alert()), Long.toString(e.seq()));
            }

            @Override
            public void onReset(long latestSeq) {
                sse.sendEvent("reset", "{}", Long.toString(latestSeq));
            }

            @Override
            public void onClose(String reason) {
                sse.close();
            }
        });
        sse.onClose(subscription[0]::close);
        sse.sendComment("ok");
    }
}
