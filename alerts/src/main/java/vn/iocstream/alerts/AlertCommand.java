package vn.iocstream.alerts;

import java.time.Instant;

/**
 * A person's action sent from a terminal ({@code ioc alerts ack|resolve|assign|comment|silence|expire}) to the running
 * service over Kafka ({@value AlertCommands#TOPIC}); the service applies it through its {@link AlertDesk} with an
 * unrestricted scope and answers on {@value AlertCommands#RESULTS} under the same {@code requestId}.
 *
 * @param type    ack, resolve, assign, comment, silence or expire
 * @param id      the alert's id (the silence's for expire; unused for silence)
 * @param text    the comment, the assignee, or the silence's reason
 * @param matcher for silence: which alerts
 * @param endsAt  for silence: until when
 */
public record AlertCommand(String requestId, String type, String id, String actor, String text, AlertMatcher matcher,
                           Instant endsAt) {}
