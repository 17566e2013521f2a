package vn.iocstream.alerts;

import java.util.Map;

/**
 * A snapshot of {@link AlertService}'s counters since it started.
 *
 * @param received          alerts passed to {@code handle}, duplicates included
 * @param duplicatesSkipped (alert, channel) deliveries skipped because they had already been made
 * @param delivered         successful deliveries per channel name
 * @param failed            deliveries given up per channel name, unknown channels included
 */
public record AlertStats(long received, long duplicatesSkipped, Map<String, Long> delivered, Map<String, Long> failed) {
    public long delivered(String channel) {
        return delivered.getOrDefault(channel, 0L);
    }

    public long failed(String channel) {
        return failed.getOrDefault(channel, 0L);
    }
}
