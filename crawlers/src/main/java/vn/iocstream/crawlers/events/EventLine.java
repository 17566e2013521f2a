package vn.iocstream.crawlers.events;

/**
 * One event line as read.
 *
 * @param source file name (as first seen, kept across renames so ids stay stable) or {@code host/tag} for syslog
 * @param lineNo 1-based line number in the file incarnation; null for syslog, where identical lines then share
 *               one event id (SecurityEnvelope's offset)
 * @param text   the line without its line terminator
 */
public record EventLine(String source, Long lineNo, String text) {}
