package vn.iocstream.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.app.runtime.KafkaEventSink;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.crawlers.events.EventKind;
import vn.iocstream.jobs.security.SecurityEnvelope;

/**
 * {@code ioc replay security …}: pushes log files, line by line, into {@code ioc.raw.security} of a running
 * pipeline ({@code ./ioc run} or {@code ./ioc demo} in another terminal), each line wrapped in a
 * {@link SecurityEnvelope} with its file name and line number — so replaying a file twice gives the same event
 * ids, and SecurityJob's tables and alerts stay the same.
 */
public final class ReplayCommand {
    static final String USAGE = """
            usage: ioc replay security [--zeek DIR] [--auth FILE] [--access FILE] [--suricata FILE]
                                       [--year YYYY] [--kafka HOST:PORT] [--config FILE]

              --zeek DIR       every Zeek JSON log in DIR and its sub-folders (*.log, *.json, optionally .gz);
                               TSV logs are skipped
              --auth FILE      sshd / syslog auth lines (auth.log, secure; .gz allowed)
              --access FILE    Apache/nginx access log (common or combined format)
              --suricata FILE  Suricata EVE JSON (eve.json)
              --year YYYY      year of syslog timestamps, which have none (default: the job's security.syslogYear)
              --kafka H:P      the broker (default: the running embedded broker, from <kafka.dataDir>/bootstrap.txt,
                               or kafka.bootstrap when kafka.embedded is false)
              --config FILE    configuration to read kafka settings from (default: config/ioc.yaml if it exists)
            Options may repeat; at least one input is needed.""";

    private static final int PROGRESS_EVERY = 10_000;

    /** One file and the envelope format of its lines. */
    public record Input(String format, Path file) {}

    public int run(List<String> args) throws Exception {
        Integer helped = Options.helpFor(args, USAGE);
        if (helped != null) return helped;
        if (!args.get(0).equals("security")) throw new UsageException("unknown replay: " + args.get(0) + " (only: security)", USAGE);
        Options o = Options.parse(args.subList(1, args.size()),
                List.of("zeek", "auth", "access", "suricata", "year", "kafka", "config"), List.of(), USAGE);
        List<Input> inputs = inputs(o);
        if (inputs.isEmpty()) throw new UsageException("nothing to replay: give --zeek, --auth, --access or --suricata", USAGE);
        Integer year = o.has("year") ? (int) o.number("year", 0) : null;
        if (year != null && (year < 1970 || year > 2100)) throw new UsageException("--year must be a year like 2025, got: " + year, USAGE);
        KafkaConnection kafka = kafka(o, USAGE);
        System.out.println("replaying " + inputs.size() + " file(s) into " + Topics.RAW_SECURITY + " at " + kafka);
        long[] total = replay(inputs, year, kafka, System.out);
        System.out.printf("replay security: %d lines from %d files sent to %s (%d skipped), %.1f s%n",
                total[0], inputs.size(), Topics.RAW_SECURITY, total[1], total[2] / 1e3);
        return 0;
    }

    private static List<Input> inputs(Options o) throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (String dir : o.all("zeek")) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) throw new UsageException("--zeek needs a directory, not found: " + dir, USAGE);
            int before = inputs.size();
            // Sensors keep a folder per day or per log kind: look inside sub-folders too.
            try (Stream<Path> files = Files.walk(d)) {
                files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches(".*\\.(log|json)(\\.gz)?$")).sorted()
                        .forEach(f -> inputs.add(new Input(SecurityEnvelope.ZEEK, f)));
            }
            if (inputs.size() == before) throw new UsageException("--zeek: no *.log or *.json files in " + dir, USAGE);
        }
        for (String[] opt : new String[][] {{"auth", SecurityEnvelope.AUTH}, {"access", SecurityEnvelope.ACCESS},
                {"suricata", SecurityEnvelope.SURICATA}}) {
            for (String file : o.all(opt[0])) {
                if (!Files.isRegularFile(Path.of(file))) throw new UsageException("--" + opt[0] + ": file not found: " + file, USAGE);
                inputs.add(new Input(opt[1], Path.of(file)));
            }
        }
        return inputs;
    }

    /**
     * The broker of --kafka, else of the running pipeline of --config (or config/ioc.yaml): an external cluster's
     * address, or the embedded broker's from its {@code bootstrap.txt}; with the security settings of an external
     * cluster's {@code kafka:} section. {@code usage} for errors.
     */
    static KafkaConnection kafka(Options o, String usage) throws IOException {
        Path configFile = o.has("config") ? Path.of(o.get("config", null))
                : Files.isRegularFile(Path.of("config/ioc.yaml")) ? Path.of("config/ioc.yaml") : null;
        IocConfig.Kafka kafka = ConfigLoader.load(configFile, List.of()).kafka();
        if (!kafka.embedded()) return o.has("kafka") ? KafkaConnection.of(kafka).withBootstrap(o.get("kafka", null)) : KafkaConnection.of(kafka);
        if (o.has("kafka")) return KafkaConnection.plain(o.get("kafka", null));
        Path file = IocRuntime.bootstrapFile(kafka);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no running pipeline found (" + file + " missing): start ./ioc run or ./ioc demo, or give --kafka", usage);
        }
        return KafkaConnection.plain(Files.readString(file).strip());
    }

    /** @return lines sent, lines skipped, milliseconds */
    public static long[] replay(List<Input> inputs, Integer year, KafkaConnection kafka, PrintStream out) throws IOException {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        long t0 = System.currentTimeMillis();
        long sent = 0;
        long skipped = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (Input in : inputs) {
                String source = in.file().getFileName().toString();
                long lineNo = 0;
                long fileSent = 0;
                try (BufferedReader r = reader(in.file())) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lineNo++;
                        if (EventKind.of(in.format()).skips(line)) {
                            skipped++;
                            continue;
                        }
                        producer.send(KafkaEventSink.securityRecord(in.format(), source, lineNo, line, year));
                        sent++;
                        fileSent++;
                        if (sent % PROGRESS_EVERY == 0) out.println("  … " + sent + " lines");
                    }
                }
                out.println("  " + in.format() + " " + in.file() + ": " + fileSent + " lines");
            }
            producer.flush();
        }
        return new long[] {sent, skipped, System.currentTimeMillis() - t0};
    }

    private static BufferedReader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
