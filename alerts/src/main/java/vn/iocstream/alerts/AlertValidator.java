package vn.iocstream.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.validation.RecordLimits;

/**
 * The edge check of alerts read back from Kafka (and handed in by in-process producers): anything that can write to
 * {@code ioc.alerts} could forge one, so nothing is taken on trust. Strict JSON ({@link Json}: no trailing data, no
 * duplicate keys, no coercion of "12" into 12), kind and severity from the closed sets of {@link AlertKinds}, ids and
 * names from small alphabets, every string and list bounded, times plausible ({@link RecordLimits}: {@code
 * validation.minTime} … now + {@code validation.maxAheadSeconds}), numbers finite, a province the gazetteer knows. A
 * rejected alert is dead-lettered with {@link InvalidAlert#getMessage()} and never stored or shown.
 */
public final class AlertValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern LABEL = Pattern.compile("[a-z_][a-z0-9_]{0,31}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Gazetteer GAZETTEER = Gazetteer.load();

    private final Clock clock;
    private final RecordLimits limits;

    public AlertValidator(Clock clock, RecordLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** Why an alert was refused; the message is the dead-letter reason. */
    public static final class InvalidAlert extends Exception {
        public InvalidAlert(String message) {
            super(message);
        }
    }

    /** Parses and checks one record value. */
    public Alert parse(byte[] value) throws InvalidAlert {
        if (value == null || value.length == 0) throw new InvalidAlert("empty record");
        if (value.length > 256 * 1024) throw new InvalidAlert("alert larger than 256 KiB");
        Alert alert;
        try {
            alert = Json.parse(value, Alert.class);
        } catch (Json.JsonException e) {
            throw new InvalidAlert(e.getMessage());
        }
        check(alert);
        return alert;
    }

    /** Checks an alert built in this process (the crawler's source-health alerts) as strictly as one from Kafka. */
    public void check(Alert a) throws InvalidAlert {
        if (a == null) throw new InvalidAlert("empty alert");
        text("id", a.id(), ID);
        if (!AlertKinds.isKind(a.kind())) throw new InvalidAlert("unknown kind " + quoted(a.kind()) + " (one of " + AlertKinds.KINDS + ")");
        if (!AlertKinds.isSeverity(a.severity())) throw new InvalidAlert("unknown severity " + quoted(a.severity()) + " (info, warning, critical)");
        text("rule", a.rule(), RULE);
        bounded("key", a.key(), 0, 256);
        bounded("title", a.title(), 1, 300);
        bounded("summary", a.summary(), 0, 1000);
        bounded("dedupKey", a.dedupKey(), 1, 512);
        locality(a.locality());
        if (a.labels().size() > 20) throw new InvalidAlert("more than 20 labels");
        for (Map.Entry<String, String> l : a.labels().entrySet()) {
            text("label name", l.getKey(), LABEL);
            bounded("label " + l.getKey(), l.getValue(), 0, 200);
        }
        Instant now = clock.instant();
        time("windowStart", a.windowStart(), now);
        time("windowEnd", a.windowEnd(), now);
        time("createdAt", a.createdAt(), now);
        if (a.clearedAt() != null) time("clearedAt", a.clearedAt(), now);
        if (a.windowEnd().isBefore(a.windowStart())) throw new InvalidAlert("windowEnd before windowStart");
        if (a.count() < 0) throw new InvalidAlert("negative count");
        if (!Double.isFinite(a.baseline()) || a.baseline() < 0) throw new InvalidAlert("baseline must be a finite number ≥ 0");
        if (a.postIds().size() > 50) throw new InvalidAlert("more than 50 evidence ids");
        for (String id : a.postIds()) bounded("evidence id", id, 1, 160);
        drivers(a.drivers(), now);
    }

    private static void locality(Locality l) throws InvalidAlert {
        if (!l.known()) return;
        bounded("province", l.province(), 1, 64);
        if (GAZETTEER.lookup(l.province()).isEmpty()) throw new InvalidAlert("unknown province " + quoted(l.province()));
        if (l.commune() != null) bounded("commune", l.commune(), 1, 100);
    }

    private void drivers(AlertDrivers d, Instant now) throws InvalidAlert {
        for (List<AlertDrivers.Facet> facets : List.of(d.phrases(), d.entities(), d.outlets(), d.communes(), d.sources(), d.targets())) {
            if (facets.size() > 10) throw new InvalidAlert("more than 10 drivers of one kind");
            for (AlertDrivers.Facet f : facets) {
                if (f == null) throw new InvalidAlert("empty driver");
                bounded("driver", f.name(), 1, 200);
                if (f.count() < 0) throw new InvalidAlert("negative driver count");
            }
        }
        if (d.facts().size() > 10) throw new InvalidAlert("more than 10 facts");
        for (String f : d.facts()) bounded("fact", f, 1, 300);
        if (d.first() != null) {
            bounded("first post id", d.first().id(), 1, 160);
            bounded("first post title", d.first().title(), 0, 500);
            bounded("first post url", d.first().url(), 0, 2000);
            bounded("first post outlet", d.first().outlet(), 0, 200);
            if (d.first().at() != null) time("first post time", d.first().at(), now);
        }
        if (d.pickupLagSeconds() != null && (d.pickupLagSeconds() < 0 || d.pickupLagSeconds() > Duration.ofDays(365).toSeconds())) {
            throw new InvalidAlert("pickupLagSeconds out of range");
        }
    }

    private static void text(String field, String value, Pattern allowed) throws InvalidAlert {
        if (value == null) throw new InvalidAlert("missing " + field);
        if (!allowed.matcher(value).matches()) throw new InvalidAlert("bad " + field + " " + quoted(value));
    }

    private static void bounded(String field, String value, int min, int max) throws InvalidAlert {
        if (value == null) {
            if (min > 0) throw new InvalidAlert("missing " + field);
            return;
        }
        if (value.length() < min || value.length() > max) {
            throw new InvalidAlert(field + " must have " + min + ".." + max + " characters, has " + value.length());
        }
        if (CONTROL.matcher(value).find()) throw new InvalidAlert(field + " contains control characters");
    }

    private void time(String field, Instant t, Instant now) throws InvalidAlert {
        String problem = limits.time(field, t, now);
        if (problem != null) throw new InvalidAlert(problem);
    }

    /** A value for a message: quoted, shortened, control characters shown as escapes. */
    private static String quoted(String s) {
        if (s == null) return "null";
        String shown = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return "'" + CONTROL.matcher(shown).replaceAll("?") + "'";
    }
}
