package vn.iocstream.alerts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.iocstream.alerts.channels.Channel;
import vn.iocstream.alerts.channels.EmailChannel;
import vn.iocstream.alerts.channels.TelegramChannel;
import vn.iocstream.alerts.channels.WebhookChannel;
import vn.iocstream.alerts.channels.ZaloChannel;
import vn.iocstream.alerts.config.AlertsFile;
import vn.iocstream.alerts.config.ChannelSpec;

/**
 * Builds the configured channels of an {@link AlertsFile}. Channels work on the wall clock whatever clock drives the
 * service's timers: their timestamps (a webhook's, an e-mail's date, a token's expiry) are checked by the outside
 * world against real time.
 */
final class Channels {
    private Channels() {}

    static Map<String, Channel> build(AlertsFile file) {
        Clock clock = Clock.systemUTC();
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (ChannelSpec spec : file.channels().values()) {
            Channel c;
            if (spec instanceof ChannelSpec.Webhook w) c = new WebhookChannel(w, clock);
            else if (spec instanceof ChannelSpec.Telegram t) c = new TelegramChannel(t);
            else if (spec instanceof ChannelSpec.Email e) c = new EmailChannel(e, clock);
            else c = new ZaloChannel((ChannelSpec.Zalo) spec, clock);
            channels.put(spec.name(), c);
        }
        return channels;
    }
}
