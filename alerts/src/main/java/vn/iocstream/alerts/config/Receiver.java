package vn.iocstream.alerts.config;

import java.util.List;

/**
 * A person or a group: where its notifications go.
 *
 * @param targets each a configured channel and an address on it
 */
public record Receiver(String name, List<Target> targets) {
    /**
     * @param channel a channel's name
     * @param address chat id (Telegram), e-mail address, {@code user:ID} or {@code phone:84…} (Zalo); "" for a webhook
     */
    public record Target(String channel, String address) {}
}
