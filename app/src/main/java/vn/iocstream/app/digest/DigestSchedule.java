package vn.iocstream.app.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.channels.DeliveryException;
import vn.iocstream.app.export.ExportInfo;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;

/**
 * The scheduled digest e-mails of {@code digest.emails}: once a minute, each entry whose time of day has come sends the
 * digest of the day before, once. The days sent are appended to {@code <digest.outDir>/sent.txt} after the server
 * accepted the message, so a restart neither repeats nor skips one (a runtime started after the time sends at once).
 * A temporary failure is tried again each minute, up to the channel's {@code attempts}; a permanent one (address or
 * authentication refused) is logged and given up for that day.
 */
public final class DigestSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DigestSchedule.class);

    private record Entry(IocConfig.DigestEmail email, LocalTime at, DigestScope scope, Set<DigestFiles.Format> attach,
                         DigestMail mail, int attempts) {
        String key(LocalDate day) {
            return email.at() + "|" + email.scope() + "|" + String.join(",", email.to()) + "|" + day;
        }
    }

    private final List<Entry> entries;
    private final ClickHouseClient clickHouse;
    private final Clock clock;
    private final Path dir;
    private final int topStories;
    private final Path sentFile;
    private final Set<String> sent = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "digest-schedule");
        t.setDaemon(true);
        return t;
    });

    private DigestSchedule(List<Entry> entries, ClickHouseClient clickHouse, Clock clock, IocConfig.Digest config) throws IOException {
        this.entries = entries;
        this.clickHouse = clickHouse;
        this.clock = clock;
        this.dir = Path.of(config.outDir());
        this.topStories = config.topStories();
        this.sentFile = dir.resolve("sent.txt");
        Files.createDirectories(dir);
        if (Files.exists(sentFile)) sent.addAll(Files.readAllLines(sentFile, StandardCharsets.UTF_8));
    }

    /**
     * Checks every entry (time, scope, channel, addresses, attachments) and starts the minute timer.
     *
     * @throws ConfigLoader.ConfigException naming the entry at fault
     */
    public static DigestSchedule start(IocConfig config, ClickHouseClient clickHouse, Clock clock) throws IOException {
        DigestSchedule s = create(config, clickHouse, clock);
        s.timer.scheduleWithFixedDelay(s::tick, 0, 60, TimeUnit.SECONDS);
        return s;
    }

    /** The schedule without its timer: {@link #tick} is called by the caller. */
    static DigestSchedule create(IocConfig config, ClickHouseClient clickHouse, Clock clock) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (IocConfig.DigestEmail e : config.digest().emails()) {
            String where = "digest.emails[" + n++ + "]: ";
            if (config.alerts().file().isBlank()) throw new ConfigLoader.ConfigException(where + "needs alerts.file (its e-mail channels)");
            if (e.to().isEmpty()) throw new ConfigLoader.ConfigException(where + "`to` lists no address");
            try {
                LocalTime at = LocalTime.parse(e.at() == null ? "" : e.at());
                Set<DigestFiles.Format> attach = EnumSet.of(DigestFiles.Format.HTML);
                for (String a : e.attach()) attach.add(DigestFiles.Format.valueOf(a.toUpperCase(Locale.ROOT)));
                DigestMail mail = DigestMail.of(Path.of(config.alerts().file()), e.channel());
                entries.add(new Entry(e, at, DigestScope.parse(e.scope()), attach, mail, mail.attempts()));
            } catch (DateTimeParseException ex) {
                throw new ConfigLoader.ConfigException(where + "at must be a time of day like \"06:30\", got: " + e.at());
            } catch (IllegalArgumentException ex) {
                throw new ConfigLoader.ConfigException(where + ex.getMessage());
            }
        }
        return new DigestSchedule(entries, clickHouse, clock, config.digest());
    }

    /** Sends what is due and not sent yet. */
    void tick() {
        ZonedDateTime now = clock.instant().atZone(ExportInfo.ZONE);
        for (Entry e : entries) {
            if (now.toLocalTime().isBefore(e.at())) continue;
            LocalDate day = now.toLocalDate().minusDays(1);
            String key = e.key(day);
            if (sent.contains(key) || failures.getOrDefault(key, 0) >= e.attempts()) continue;
            try {
                Digest d = new DigestBuilder(clickHouse, clock).build(e.scope(), day, topStories);
                DigestFiles.Written files = new DigestFiles(clickHouse).write(d, e.scope(), e.attach(), dir.resolve(day.toString()));
                List<Path> attachments = files.files().stream().filter(p -> !p.toString().endsWith(".html")).toList();
                String answer = e.mail().send(d, e.email().to(), attachments);
                Files.writeString(sentFile, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                sent.add(key);
                LOG.info("digest {} of {} sent to {}: {}", d.scope(), day, e.email().to(), answer);
            } catch (DeliveryException ex) {
                int failed = !ex.retryable() ? e.attempts() : failures.getOrDefault(key, 0) + 1;
                failures.put(key, failed);
                LOG.warn("digest {} of {} not sent ({}/{}): {}", e.email().scope(), day, failed, e.attempts(), ex.getMessage());
            } catch (IOException | RuntimeException ex) {
                failures.merge(key, 1, Integer::sum);
                LOG.warn("digest {} of {} failed: {}", e.email().scope(), day, ex.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
