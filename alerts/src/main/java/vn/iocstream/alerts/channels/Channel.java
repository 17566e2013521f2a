package vn.iocstream.alerts.channels;

import vn.iocstream.alerts.config.ChannelSpec;

/**
 * One configured way to reach people (a webhook, a Telegram bot, an SMTP server, a Zalo OA). A channel only sends:
 * retries, back-off, bookkeeping and the check that a notification is still wanted belong to the dispatcher.
 * Implementations are thread-safe.
 */
public interface Channel extends AutoCloseable {
    ChannelSpec spec();

    default String name() {
        return spec().name();
    }

    /**
     * Sends one message to one address, within the channel's timeout.
     *
     * @return the receiver's acknowledgement in a few words (message id, HTTP status) for {@code alert_deliveries}
     * @throws DeliveryException when it was not accepted; says whether trying again can help
     */
    String send(Outbound message) throws DeliveryException, InterruptedException;

    @Override
    default void close() {}
}
