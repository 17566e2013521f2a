package vn.iocstream.alerts.engine;

import java.time.Instant;
import java.util.List;

/**
 * What the engine keeps about a managed alert beyond its {@link vn.iocstream.alerts.AlertView}, stored in the same
 * {@code alerts} row so that a restart rebuilds it.
 *
 * @param episode       openings so far (first fire, reopenings, ends of silences): notification ids of one episode
 *                      never collide with another's
 * @param openedAt      start of the current episode: escalation counts from here
 * @param occurrenceIds raw alert ids remembered, oldest first (a replayed one is not counted again)
 */
public record AlertBookkeeping(int episode, Instant openedAt, List<String> occurrenceIds) {
    public AlertBookkeeping {
        occurrenceIds = List.copyOf(occurrenceIds);
    }
}
