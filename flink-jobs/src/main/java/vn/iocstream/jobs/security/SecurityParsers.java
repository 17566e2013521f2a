package vn.iocstream.jobs.security;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.jobs.io.Parsed;

/**
 * Turns one {@code ioc.raw.security} record (a {@link SecurityEnvelope}) into an event, choosing the parser by
 * the envelope's format, and tags requests whose path shows a web attack ({@link WebAttackMatcher}).
 */
public final class SecurityParsers implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Syslog years an envelope may name: beyond them a year is a producer's bug, and dates would not fit ClickHouse. */
    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 2100;

    private final int defaultYear;
    private final ZoneId zone;
    private final RecordLimits limits;

    /**
     * @param defaultYear year for syslog lines whose envelope names none; 0 = inferred from the clock (see
     *                    {@link AuthLogParser})
     * @param zone        syslog clock zone, e.g. {@code UTC} or {@code Asia/Ho_Chi_Minh}
     * @param limits      bounds on the envelope's strings and on the event's time (section {@code validation})
     */
    public SecurityParsers(int defaultYear, String zone, RecordLimits limits) {
        this.defaultYear = defaultYear;
        this.zone = ZoneId.of(zone);
        this.limits = limits;
    }

    /** {@link #parse(byte[])} in the form the jobs' parse operator takes. */
    public Parsed<SecurityEvent> parsed(byte[] record) {
        ParseResult r = parse(record);
        return r.ok() ? Parsed.ok(r.event()) : Parsed.refused(r.error());
    }

    public ParseResult parse(byte[] record) {
        SecurityEnvelope env;
        try {
            env = Json.parse(record, SecurityEnvelope.class);
        } catch (Json.JsonException e) {
            return ParseResult.error("envelope: " + e.getMessage());
        }
        if (env == null || env.format() == null) return ParseResult.error("envelope: missing format");
        if (env.line() == null || env.line().isBlank()) return ParseResult.error("envelope: missing line");
        String bounded = RecordLimits.first(limits.field("envelope: format", env.format()),
                limits.field("envelope: source", env.source()), limits.logLine("envelope: line", env.line()));
        if (bounded != null) return ParseResult.error(bounded);
        if (env.offset() != null && env.offset() < 0) return ParseResult.error("envelope: offset negative: " + env.offset());
        if (env.year() != null && (env.year() < MIN_YEAR || env.year() > MAX_YEAR)) {
            return ParseResult.error("envelope: year out of range [" + MIN_YEAR + ", " + MAX_YEAR + "]: " + env.year());
        }
        ParseResult result = parse(env);
        if (!result.ok()) return result;
        String late = limits.time("time", result.event().time(), Instant.now());
        return late == null ? result : ParseResult.error(env.format() + ": " + late);
    }

    public ParseResult parse(SecurityEnvelope env) {
        String line = env.line().strip();
        ParseResult result = switch (env.format()) {
            case SecurityEnvelope.ZEEK -> ZeekParser.parse(line, env.source(), env.offset());
            case SecurityEnvelope.SURICATA -> SuricataParser.parse(line, env.source(), env.offset());
            case SecurityEnvelope.AUTH -> new AuthLogParser(year(env), zone).parse(line, env.source(), env.offset());
            case SecurityEnvelope.ACCESS -> AccessLogParser.parse(line, env.source(), env.offset());
            default -> ParseResult.error("envelope: unknown format " + env.format());
        };
        if (!result.ok()) return result;
        SecurityEvent e = result.event();
        if (e.signature().isEmpty() && (e.action().equals("http-request") || e.action().equals("web-login"))) {
            String attack = WebAttackMatcher.match(e.path());
            if (attack != null) return ParseResult.ok(e.withSignature(attack));
        }
        return result;
    }

    private int year(SecurityEnvelope env) {
        return env.year() != null ? env.year() : defaultYear;
    }
}
