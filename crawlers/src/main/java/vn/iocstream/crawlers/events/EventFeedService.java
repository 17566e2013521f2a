package vn.iocstream.crawlers.events;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.ConfigLoader.ConfigException;
import vn.iocstream.core.config.IocConfig;

/**
 * The configured event feeds ({@code eventFeeds:} in the configuration): one {@link FileTailer} per file entry,
 * polled every {@code pollMillis} on one thread, and one {@link SyslogReceiver} per syslog entry.
 */
public final class EventFeedService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeedService.class);

    private final IocConfig.EventFeeds config;
    /** Each tailer and what messages call its feed. */
    private final Map<FileTailer, String> tailers = new LinkedHashMap<>();
    private final List<SyslogReceiver> receivers = new ArrayList<>();
    private ScheduledExecutorService poller;

    /** @throws ConfigException for an unknown kind or protocol, or a glob in a directory name */
    public EventFeedService(IocConfig.EventFeeds config, EventSink sink) {
        this.config = config;
        for (IocConfig.FileFeed f : config.files()) {
            try {
                EventKind kind = EventKind.of(f.kind());
                tailers.put(new FileTailer(kind, f.path(), checkpointFile(config, kind, f.path()), sink,
                        config.batchLines(), Duration.ofSeconds(config.rotateWaitSeconds())), named(f.name(), f.path()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("eventFeeds.files " + named(f.name(), f.path()) + ": " + e.getMessage());
            }
        }
        for (IocConfig.SyslogFeed s : config.syslog()) {
            try {
                receivers.add(new SyslogReceiver(EventKind.of(s.kind()), SyslogReceiver.Protocol.of(s.protocol()),
                        config.syslogHost(), s.port(), config.maxFrameBytes(), sink)
                        .boundedTo(config.syslogMaxConnections(), Duration.ofSeconds(config.syslogIdleSeconds())));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("eventFeeds.syslog " + named(s.name(), "port " + s.port()) + ": " + e.getMessage());
            }
        }
    }

    /** {@code Nhật ký SSH (/var/log/auth.log)}, or the bare place for a feed without a name. */
    private static String named(String name, String place) {
        return name == null || name.isBlank() ? place : name + " (" + place + ")";
    }

    /**
     * One checkpoint per (kind, path pattern), named so that an operator can tell which is which:
     * {@code auth-auth.log-3f2a….json}.
     */
    static Path checkpointFile(IocConfig.EventFeeds config, EventKind kind, String pattern) {
        String absolute = Path.of(pattern).toAbsolutePath().normalize().toString();
        String name = Path.of(absolute).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(config.checkpointDir(), kind.configName() + "-" + name + "-" + Ids.of(kind.configName(), absolute) + ".json");
    }

    public boolean isEmpty() {
        return tailers.isEmpty() && receivers.isEmpty();
    }

    /** Binds the syslog ports and starts polling the files. */
    public EventFeedService start() throws IOException {
        for (SyslogReceiver r : receivers) r.start();
        if (!tailers.isEmpty()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "event-feed-tailer");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::pollQuietly, 0, config.pollMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Polls every file once (for {@code ioc tail --once}); a failing feed is logged and the others still run. */
    public long pollOnce() {
        long n = 0;
        for (Map.Entry<FileTailer, String> t : tailers.entrySet()) {
            try {
                n += t.getKey().poll();
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} feed {}: {} (retried at the next poll from the last checkpoint)", t.getKey().kind().configName(),
                        t.getValue(), e.toString());
            }
        }
        return n;
    }

    private void pollQuietly() {
        pollOnce();
    }

    public List<FileTailer> tailers() {
        return List.copyOf(tailers.keySet());
    }

    public List<SyslogReceiver> receivers() {
        return List.copyOf(receivers);
    }

    /** {@code files=2 lines=1234 rotations=1 truncations=0 syslog=88 malformed=1}. */
    public String status() {
        long lines = 0;
        long rotations = 0;
        long truncations = 0;
        for (FileTailer t : tailers.keySet()) {
            lines += t.lines();
            rotations += t.rotations();
            truncations += t.truncations();
        }
        long frames = receivers.stream().mapToLong(SyslogReceiver::received).sum();
        long malformed = receivers.stream().mapToLong(SyslogReceiver::malformed).sum();
        return "files=" + tailers.size() + " lines=" + lines + " rotations=" + rotations + " truncations=" + truncations
                + " syslog=" + frames + " malformed=" + malformed;
    }

    @Override
    public void close() {
        for (SyslogReceiver r : receivers) r.close();
        if (poller != null) {
            poller.shutdown();
            try {
                // Let a poll in progress finish its batch, so its checkpoint is written.
                if (!poller.awaitTermination(30, TimeUnit.SECONDS)) poller.shutdownNow();
            } catch (InterruptedException e) {
                poller.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        for (FileTailer t : tailers.keySet()) t.close();
    }
}
