package vn.iocstream.alerts.config;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import vn.iocstream.alerts.AlertMatcher;
import vn.iocstream.core.model.AlertKinds;

/** Reads {@link AlertsFile} from {@link YamlNode}s; every error names its line. */
final class AlertsFileParser {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TELEGRAM_CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z0-9_]{5,32}");
    private static final Pattern ZALO_ADDRESS = Pattern.compile("user:\\d{1,32}|phone:84\\d{8,10}");
    private static final Pattern GROUP_FIELD = Pattern.compile(
            "kind|severity|province|commune|rule|key|dedupKey|id|labels\\.[A-Za-z0-9_.-]+");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private AlertsFileParser() {}

    static AlertsFile parse(String name, String yaml, UnaryOperator<String> env) {
        return parse(YamlNode.parse(name, yaml, env), name);
    }

    static AlertsFile parse(YamlNode top, String source) {
        ZoneId zone = zone(top);
        Map<String, ChannelSpec> channels = new LinkedHashMap<>();
        YamlNode channelList = top.get("channels");
        if (channelList != null) {
            for (YamlNode c : channelList.items()) {
                ChannelSpec spec = channel(c);
                if (channels.put(spec.name(), spec) != null) throw c.error("channel '" + spec.name() + "' is defined twice");
            }
        }
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        YamlNode receiverList = top.get("receivers");
        if (receiverList != null) {
            for (YamlNode r : receiverList.items()) {
                Receiver receiver = receiver(r, channels);
                if (receivers.put(receiver.name(), receiver) != null) {
                    throw r.error("receiver '" + receiver.name() + "' is defined twice");
                }
            }
        }
        YamlNode rootNode = top.get("route");
        Route defaults = new Route("defaults", AlertMatcher.ANY, List.of(), AlertsFile.DEFAULT_GROUP_BY,
                AlertsFile.DEFAULT_GROUP_WAIT, AlertsFile.DEFAULT_GROUP_INTERVAL, AlertsFile.DEFAULT_REPEAT_INTERVAL,
                false, List.of(), QuietHours.NONE, List.of(), false, AlertsFile.DEFAULT_RESOLVE_AFTER,
                AlertsFile.DEFAULT_DEDUP_WINDOW, 0);
        Route root;
        if (rootNode == null) {
            root = new Route("root", AlertMatcher.ANY, List.of(), defaults.groupBy(), defaults.groupWait(),
                    defaults.groupInterval(), defaults.repeatInterval(), false, List.of(), QuietHours.NONE, List.of(),
                    false, defaults.resolveAfter(), defaults.dedupWindow(), top.line());
        } else {
            if (rootNode.get("match") != null) throw rootNode.error("the root route matches every alert: no 'match' here");
            if (rootNode.get("continue") != null) throw rootNode.error("the root route has no 'continue'");
            root = route(rootNode, "root", defaults, receivers, new LinkedHashSet<>());
        }
        top.finish();
        return new AlertsFile(zone, channels, receivers, root, source);
    }

    private static ZoneId zone(YamlNode top) {
        YamlNode z = top.get("timezone");
        if (z == null) return AlertsFile.VIETNAM;
        try {
            return ZoneId.of(z.text().strip());
        } catch (RuntimeException e) {
            throw z.error("unknown time zone '" + z.text() + "'");
        }
    }

    private static ChannelSpec channel(YamlNode c) {
        String name = name(c, "channel");
        String type = c.require("type").text().strip();
        Retry retry = retry(c);
        ChannelSpec spec = switch (type) {
            case "webhook" -> {
                URI url = httpUrl(c.require("url"));
                YamlNode secretNode = c.require("secret");
                String secret = secretNode.text().strip();
                checkWebhookSecret(secretNode, secret);
                yield new ChannelSpec.Webhook(name, url, secret, retry);
            }
            case "telegram" -> {
                YamlNode tokenNode = c.require("token");
                String token = tokenNode.text().strip();
                if (!token.matches("\\d+:[A-Za-z0-9_-]{20,}")) throw tokenNode.error("a Telegram bot token looks like 123456789:AA…");
                URI api = c.get("apiUrl") == null ? URI.create("https://api.telegram.org") : httpUrl(c.get("apiUrl"));
                Duration gap = c.duration("perChatGap", Duration.ofSeconds(1));
                yield new ChannelSpec.Telegram(name, token, api, gap, retry);
            }
            case "email" -> {
                String security = c.text("security", "starttls").strip();
                if (!Set.of("starttls", "tls", "none").contains(security)) {
                    throw c.require("security").error("security must be starttls, tls or none");
                }
                int port = c.integer("port", security.equals("tls") ? 465 : 587, 1, 65535);
                YamlNode fromNode = c.require("from");
                String from = fromNode.text().strip();
                if (!EMAIL.matcher(from).matches()) throw fromNode.error("'" + from + "' is not an e-mail address");
                yield new ChannelSpec.Email(name, c.require("host").text().strip(), port, security,
                        c.text("username", ""), c.text("password", ""), from, c.text("trust", ""), retry);
            }
            case "zalo" -> new ChannelSpec.Zalo(name, c.require("appId").text().strip(), c.require("secretKey").text().strip(),
                    c.text("refreshToken", ""), c.require("refreshTokenFile").text().strip(),
                    c.get("oauthUrl") == null ? URI.create("https://oauth.zaloapp.com/v4/oa/access_token") : httpUrl(c.get("oauthUrl")),
                    c.get("oaApiUrl") == null ? URI.create("https://openapi.zalo.me/v3.0/oa/message/cs") : httpUrl(c.get("oaApiUrl")),
                    c.get("znsUrl") == null ? URI.create("https://business.openapi.zalo.me/message/template") : httpUrl(c.get("znsUrl")),
                    c.text("templateId", ""), retry);
            default -> throw c.require("type").error("unknown channel type '" + type + "' (webhook, telegram, email, zalo)");
        };
        c.finish();
        return spec;
    }

    private static void checkWebhookSecret(YamlNode node, String secret) {
        if (!secret.startsWith("whsec_")) throw node.error("a webhook secret is whsec_ followed by base64 (Standard Webhooks)");
        try {
            int bytes = Base64.getDecoder().decode(secret.substring(6)).length;
            if (bytes < 24 || bytes > 64) throw node.error("a webhook secret holds 24 to 64 bytes, this one " + bytes);
        } catch (IllegalArgumentException e) {
            throw node.error("the webhook secret after whsec_ is not base64");
        }
    }

    private static Retry retry(YamlNode c) {
        Retry d = Retry.DEFAULT;
        int attempts = c.integer("attempts", d.attempts(), 1, 100);
        Duration backoff = c.duration("backoff", d.backoff());
        Duration maxBackoff = c.duration("maxBackoff", d.maxBackoff());
        Duration timeout = c.duration("timeout", d.timeout());
        if (timeout.isZero()) throw c.require("timeout").error("timeout must be more than 0");
        return new Retry(attempts, backoff, maxBackoff.compareTo(backoff) < 0 ? backoff : maxBackoff, timeout);
    }

    private static URI httpUrl(YamlNode n) {
        String s = n.text().strip();
        try {
            URI u = URI.create(s);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw n.error("'" + s + "' is not an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw n.error("'" + s + "' is not a URL");
        }
    }

    private static Receiver receiver(YamlNode r, Map<String, ChannelSpec> channels) {
        String name = name(r, "receiver");
        List<Receiver.Target> targets = new ArrayList<>();
        YamlNode to = r.get("to");
        if (to != null) {
            for (YamlNode t : to.items()) {
                YamlNode channelNode = t.require("channel");
                String channel = channelNode.text().strip();
                ChannelSpec spec = channels.get(channel);
                if (spec == null) {
                    throw channelNode.error("receiver '" + name + "' names channel '" + channel
                            + "', which is not configured (channels: " + String.join(", ", channels.keySet()) + ")");
                }
                String address = t.text("address", "").strip();
                checkAddress(t, spec, address);
                t.finish();
                targets.add(new Receiver.Target(channel, address));
            }
        }
        r.finish();
        return new Receiver(name, targets);
    }

    private static void checkAddress(YamlNode t, ChannelSpec spec, String address) {
        String problem;
        if (spec instanceof ChannelSpec.Webhook) {
            problem = address.isEmpty() ? null : "a webhook target has no address (the URL is the channel's)";
        } else if (spec instanceof ChannelSpec.Telegram) {
            problem = TELEGRAM_CHAT.matcher(address).matches() ? null
                    : "a Telegram address is a chat id (-1001234567890) or @channelname";
        } else if (spec instanceof ChannelSpec.Email) {
            problem = EMAIL.matcher(address).matches() ? null : "'" + address + "' is not an e-mail address";
        } else {
            ChannelSpec.Zalo z = (ChannelSpec.Zalo) spec;
            problem = !ZALO_ADDRESS.matcher(address).matches() ? "a Zalo address is user:<follower id> or phone:84xxxxxxxxx"
                    : address.startsWith("phone:") && z.templateId().isBlank() ? "ZNS to a phone number needs the channel's templateId" : null;
        }
        if (problem != null) throw t.error(problem);
    }

    private static Route route(YamlNode n, String path, Route parent, Map<String, Receiver> receivers, Set<String> ids) {
        YamlNode nameNode = n.get("name");
        String id = nameNode == null ? path : nameNode.text().strip();
        if (nameNode != null && !NAME.matcher(id).matches()) throw nameNode.error("route names use a-z, 0-9, - and _");
        if (!ids.add(id)) throw n.error("two routes are called '" + id + "'");
        AlertMatcher match = n.get("match") == null ? AlertMatcher.ANY : matcher(n.get("match"));
        List<String> routeReceivers = receiverNames(n, "receivers", receivers);
        List<String> groupBy = n.get("groupBy") == null ? parent.groupBy() : groupBy(n.get("groupBy"));
        Duration groupWait = n.duration("groupWait", parent.groupWait());
        Duration groupInterval = n.duration("groupInterval", parent.groupInterval());
        Duration repeat = n.duration("repeatInterval", parent.repeatInterval());
        boolean cont = n.bool("continue", false);
        QuietHours quiet = n.get("quietHours") == null ? parent.quiet() : quiet(n.get("quietHours"));
        List<Route.EscalationStep> escalation = n.get("escalation") == null ? parent.escalation() : escalation(n.get("escalation"), receivers);
        boolean sendResolved = n.bool("sendResolved", parent.sendResolved());
        Duration resolveAfter = n.duration("resolveAfter", parent.resolveAfter());
        if (resolveAfter.isZero()) throw n.require("resolveAfter").error("resolveAfter must be more than 0");
        Duration dedupWindow = n.duration("dedupWindow", parent.dedupWindow());
        if (groupInterval.isZero()) throw n.require("groupInterval").error("groupInterval must be more than 0");
        Route shell = new Route(id, match, routeReceivers, groupBy, groupWait, groupInterval, repeat, cont, List.of(),
                quiet, escalation, sendResolved, resolveAfter, dedupWindow, n.line());
        List<Route> children = new ArrayList<>();
        YamlNode childNodes = n.get("routes");
        if (childNodes != null) {
            int i = 0;
            for (YamlNode c : childNodes.items()) children.add(route(c, path + "." + i++, shell, receivers, ids));
        }
        n.finish();
        return new Route(id, match, routeReceivers, groupBy, groupWait, groupInterval, repeat, cont, List.copyOf(children),
                quiet, escalation, sendResolved, resolveAfter, dedupWindow, n.line());
    }

    private static List<String> receiverNames(YamlNode n, String key, Map<String, Receiver> receivers) {
        List<String> names = new ArrayList<>();
        YamlNode list = n.get(key);
        if (list == null) return names;
        for (YamlNode item : list.items()) {
            String name = item.text().strip();
            if (!receivers.containsKey(name)) {
                throw item.error("receiver '" + name + "' is not defined (receivers: " + String.join(", ", receivers.keySet()) + ")");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static List<String> groupBy(YamlNode n) {
        List<String> fields = new ArrayList<>();
        for (YamlNode item : n.items()) {
            String f = item.text().strip();
            if (!GROUP_FIELD.matcher(f).matches()) {
                throw item.error("cannot group by '" + f + "' (kind, severity, province, commune, rule, key, dedupKey, id, labels.NAME)");
            }
            fields.add(f);
        }
        return List.copyOf(fields);
    }

    static AlertMatcher matcher(YamlNode m) {
        try {
            List<String> kinds = m.texts("kind");
            List<String> severities = new ArrayList<>(m.texts("severity"));
            YamlNode min = m.get("minSeverity");
            if (min != null) {
                int rank = AlertKinds.rank(min.text().strip());
                if (rank < 0) throw min.error("minSeverity must be info, warning or critical");
                if (!severities.isEmpty()) throw min.error("use severity or minSeverity, not both");
                severities.addAll(AlertKinds.SEVERITIES.subList(rank, AlertKinds.SEVERITIES.size()));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            YamlNode labelNode = m.get("labels");
            if (labelNode != null) labelNode.entries().forEach((k, v) -> labels.put(k, v.text()));
            AlertMatcher matcher = new AlertMatcher(kinds, Set.copyOf(severities), m.text("province", null),
                    m.text("commune", null), labels, m.text("dedupKey", null));
            m.finish();
            return matcher;
        } catch (IllegalArgumentException e) {
            throw m.error(e.getMessage());
        }
    }

    private static QuietHours quiet(YamlNode q) {
        List<QuietHours.Interval> intervals = new ArrayList<>();
        YamlNode times = q.require("times");
        for (YamlNode t : times.items()) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            List<String> dayNames = t.texts("days");
            if (dayNames.isEmpty()) days = EnumSet.allOf(DayOfWeek.class);
            for (String d : dayNames) {
                DayOfWeek day = DAYS.get(d.strip().toLowerCase(java.util.Locale.ROOT));
                if (day == null) throw t.error("unknown day '" + d + "' (mon, tue, wed, thu, fri, sat, sun)");
                days.add(day);
            }
            YamlNode fromNode = t.require("from");
            YamlNode toNode = t.require("to");
            LocalTime from = time(fromNode);
            boolean toMidnight = toNode.text().strip().equals("24:00");
            LocalTime to = toMidnight ? LocalTime.MIDNIGHT : time(toNode);
            if (!toMidnight && to.equals(from)) throw toNode.error("an interval from " + from + " to " + to + " is empty");
            t.finish();
            intervals.add(new QuietHours.Interval(Set.copyOf(days), from, to, toMidnight));
        }
        Set<String> except = new LinkedHashSet<>();
        for (String s : q.texts("except")) {
            if (!AlertKinds.isSeverity(s.strip())) throw q.require("except").error("except lists severities (info, warning, critical)");
            except.add(s.strip());
        }
        q.finish();
        return new QuietHours(List.copyOf(intervals), Set.copyOf(except));
    }

    private static LocalTime time(YamlNode n) {
        try {
            return LocalTime.parse(n.text().strip());
        } catch (DateTimeParseException e) {
            throw n.error("'" + n.text() + "' is not a time of day (HH:mm)");
        }
    }

    private static List<Route.EscalationStep> escalation(YamlNode e, Map<String, Receiver> receivers) {
        List<Route.EscalationStep> steps = new ArrayList<>();
        for (YamlNode s : e.items()) {
            YamlNode afterNode = s.require("after");
            Duration after = afterNode.duration();
            if (after.compareTo(Duration.ofSeconds(1)) < 0) throw afterNode.error("an escalation step waits at least 1s");
            List<String> names = receiverNames(s, "receivers", receivers);
            if (names.isEmpty()) throw s.error("an escalation step needs receivers");
            int repeat = s.integer("repeat", 0, 0, 100);
            s.finish();
            steps.add(new Route.EscalationStep(after, names, repeat));
        }
        return List.copyOf(steps);
    }

    private static String name(YamlNode n, String what) {
        YamlNode nameNode = n.require("name");
        String name = nameNode.text().strip();
        if (!NAME.matcher(name).matches()) throw nameNode.error(what + " names use a-z, 0-9, - and _ (got '" + name + "')");
        return name;
    }
}
