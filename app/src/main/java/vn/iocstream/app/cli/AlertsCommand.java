package vn.iocstream.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.alerts.AlertCommand;
import vn.iocstream.alerts.AlertCommandResult;
import vn.iocstream.alerts.AlertCommands;
import vn.iocstream.alerts.AlertEvent;
import vn.iocstream.alerts.AlertMatcher;
import vn.iocstream.alerts.AlertQuery;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.Page;
import vn.iocstream.alerts.config.AlertsConfigException;
import vn.iocstream.alerts.config.AlertsFile;
import vn.iocstream.alerts.render.AlertText;
import vn.iocstream.alerts.store.AlertQueries;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;

/**
 * {@code ioc alerts}: alerts from a terminal. {@code list} and {@code show} read ClickHouse; the actions go to the
 * running alerts service over Kafka ({@value AlertCommands#TOPIC}), which applies them in the running process (so an
 * acknowledgement stops escalation at once) and answers; {@code check} validates a routing file offline.
 */
public final class AlertsCommand {
    static final String USAGE = """
            usage: ioc alerts <command> [options]

              list [--state S,…] [--kind K,…] [--severity S,…] [--province P] [--commune C] [--limit N]
                                       managed alerts, newest change first (default: open, acknowledged, suppressed)
              show ID                  one alert with its drivers and history
              ack ID --actor NAME [--comment TEXT]
              resolve ID --actor NAME [--comment TEXT]
              assign ID --actor NAME --to NAME
              comment ID --actor NAME --comment TEXT
              silence --actor NAME --comment TEXT --for D [--kind K,…] [--severity S,…] [--province P] [--commune C]
                                       suppress matching alerts for D (30m, 2h, 1d …)
              expire SILENCE_ID --actor NAME
              check FILE               validate a routing file (config/alerts.yaml) without running anything

            options of every command but check:
              --config FILE     configuration (default: config/ioc.yaml if it exists)
              --clickhouse URL  the ClickHouse HTTP address (default: the running embedded server, or clickhouse.url)
              --kafka H:P       the broker (default: the running embedded broker, or kafka.bootstrap)

            Actions act under the --actor name; the running service (ioc run / ioc demo) must be up.""";
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(15);
    private static final List<String> VALUED = List.of("config", "clickhouse", "kafka", "state", "kind", "severity",
            "province", "commune", "limit", "actor", "comment", "to", "for");

    public int run(List<String> args) throws Exception {
        Integer helped = Options.helpFor(args, USAGE);
        if (helped != null) return helped;
        if (args.isEmpty()) throw new UsageException("which alerts command?", USAGE);
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "check" -> check(rest);
            case "list" -> list(Options.parse(rest, VALUED, List.of(), USAGE));
            case "show" -> show(rest);
            case "ack", "resolve", "assign", "comment", "expire", "silence" -> act(command, rest);
            default -> throw new UsageException("unknown alerts command: " + command, USAGE);
        };
    }

    private int check(List<String> args) {
        if (args.size() != 1) throw new UsageException("check needs one file", USAGE);
        Path file = Path.of(args.get(0));
        if (!Files.isRegularFile(file)) throw new UsageException("no such file: " + file, USAGE);
        try {
            AlertsFile f = AlertsFile.read(file);
            System.out.println(file + ": ok — " + f.channels().size() + " channels, " + f.receivers().size() + " receivers, "
                    + f.allRoutes().size() + " routes, quiet hours in " + f.zone());
            return 0;
        } catch (AlertsConfigException e) {
            System.out.println(e.getMessage());
            return 1;
        }
    }

    private int list(Options o) throws IOException {
        AlertQuery q;
        try {
            q = AlertQuery.all().withStates(states(o.get("state", "open,acknowledged,suppressed")))
                    .withKinds(csv(o.get("kind", ""))).withSeverities(new LinkedHashSet<>(csv(o.get("severity", ""))))
                    .withLocality(o.get("province", null), o.get("commune", null))
                    .withPage((int) Math.min(Integer.MAX_VALUE, o.number("limit", 50)), 0);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), USAGE);
        }
        Page<AlertView> page = queries(o).list(q, AlertScope.ALL);
        for (AlertView a : page.items()) {
            System.out.printf("%-16s %-12s %-8s %-22s %-30s %s%n", a.id(), a.state().code(), a.severity(), a.kind(),
                    shorten(a.locality().label().isEmpty() ? "—" : a.locality().label(), 30), oneLine(a.title()));
        }
        System.out.println(page.items().size() + " of " + page.total() + " alerts");
        return 0;
    }

    private int show(List<String> args) throws IOException {
        if (args.isEmpty() || args.get(0).startsWith("--")) throw new UsageException("show needs an alert id", USAGE);
        Options o = Options.parse(args.subList(1, args.size()), VALUED, List.of(), USAGE);
        AlertQueries queries = queries(o);
        AlertView a = queries.alert(args.get(0), AlertScope.ALL)
                .orElseThrow(() -> new UsageException("no alert " + args.get(0), USAGE));
        System.out.println("[" + a.severity() + "] " + oneLine(a.title()));
        for (String line : AlertText.details(a)) System.out.println("  " + oneLine(line));
        System.out.println("  Trạng thái: " + a.state().code() + (a.assignee().isEmpty() ? "" : " · giao cho " + a.assignee()));
        for (AlertEvent e : queries.history(a.id())) {
            System.out.println("  " + AlertText.time(e.at()) + "  " + e.action().code() + "  " + e.actor()
                    + (e.comment().isEmpty() ? "" : "  " + oneLine(e.comment())));
        }
        return 0;
    }

    private int act(String type, List<String> args) throws Exception {
        boolean needsId = !type.equals("silence");
        if (needsId && (args.isEmpty() || args.get(0).startsWith("--"))) throw new UsageException(type + " needs an id", USAGE);
        Options o = Options.parse(needsId ? args.subList(1, args.size()) : args, VALUED, List.of(), USAGE);
        String actor = o.get("actor", null);
        if (actor == null) throw new UsageException(type + " needs --actor NAME", USAGE);
        String text = type.equals("assign") ? o.get("to", null) : o.get("comment", null);
        if (type.equals("assign") && text == null) throw new UsageException("assign needs --to NAME", USAGE);
        if ((type.equals("comment") || type.equals("silence")) && text == null) throw new UsageException(type + " needs --comment TEXT", USAGE);
        AlertMatcher matcher = null;
        Instant endsAt = null;
        if (type.equals("silence")) {
            Duration length = o.duration("for");
            if (length == null) throw new UsageException("silence needs --for D", USAGE);
            try {
                matcher = new AlertMatcher(csv(o.get("kind", "")), new LinkedHashSet<>(csv(o.get("severity", ""))),
                        o.get("province", null), o.get("commune", null), null, null);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), USAGE);
            }
            if (matcher.matchesEverything()) throw new UsageException("a silence needs --kind, --severity or --province", USAGE);
            endsAt = Instant.now().plus(length);
        }
        AlertCommand c = new AlertCommand(UUID.randomUUID().toString(), type, needsId ? args.get(0) : null, actor, text, matcher, endsAt);
        AlertCommandResult r = send(ReplayCommand.kafka(o, USAGE), c);
        if (r == null) {
            System.out.println("no answer within " + ANSWER_WAIT.toSeconds() + " s: is the alerts service running (ioc run)?");
            return 1;
        }
        System.out.println((r.ok() ? "ok: " : "refused: ") + r.message()
                + (r.alert() != null ? " (" + r.alert().id() + ": " + r.alert().state().code() + ")" : "")
                + (r.silence() != null ? " (silence " + r.silence().id() + ")" : ""));
        return r.ok() ? 0 : 1;
    }

    /** Sends the command and waits for its answer (read from the end of the results topic, so an old one never counts). */
    private static AlertCommandResult send(KafkaConnection kafka, AlertCommand c) throws Exception {
        Properties cp = kafka.properties();
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Properties pp = kafka.properties();
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(AlertCommands.RESULTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (parts.isEmpty()) return null;
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            producer.send(new ProducerRecord<>(AlertCommands.TOPIC, c.requestId(), Json.bytes(c))).get();
            long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (c.requestId().equals(rec.key())) return Json.parse(rec.value(), AlertCommandResult.class);
                }
            }
            return null;
        }
    }

    private static AlertQueries queries(Options o) throws IOException {
        Path configFile = o.has("config") ? Path.of(o.get("config", null))
                : Files.isRegularFile(Path.of("config/ioc.yaml")) ? Path.of("config/ioc.yaml") : null;
        IocConfig.ClickHouse ch = ConfigLoader.load(configFile, List.of()).clickhouse();
        return new AlertQueries(RunningClickHouse.connect(o, ch, USAGE));
    }

    private static Set<AlertState> states(String csv) {
        Set<AlertState> states = new LinkedHashSet<>();
        try {
            for (String s : csv(csv)) states.add(AlertState.of(s));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), USAGE);
        }
        return states;
    }

    private static List<String> csv(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
