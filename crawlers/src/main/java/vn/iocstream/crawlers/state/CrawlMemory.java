package vn.iocstream.crawlers.state;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.json.Json;

/**
 * What the crawler has already sent, so that a restarted crawler (after a crash, a kill or an upgrade) sends nothing
 * again: the keys emitted (canonical article URLs, forum post ids) and where each forum thread was left.
 *
 * <p>On disk ({@link #open}): {@code emitted.log}, one key per line, appended and forced to disk after the posts of a
 * poll were acknowledged by Kafka ({@link #commit}); {@code threads.json}, the thread positions, replaced atomically
 * (temporary file, force, rename) when a poll moved them. So a crash repeats at most the poll whose posts Kafka had
 * acknowledged in the instant before their keys reached the disk — the same ids, which the tables collapse — and never
 * drops one. A line cut short by a crash is ignored. A lock file keeps a second crawler off the same folder. The log
 * grows by one line per article or forum post (a few MB a year for a province's outlets) and is read whole at start.
 * {@link #inMemory()}: the same without a disk, for one-shot crawls.
 */
public final class CrawlMemory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlMemory.class);
    private static final TypeReference<Map<String, ThreadPosition>> THREADS = new TypeReference<>() {};

    /** Where a forum thread was left: its last-post time when fully read (null: read it again), the page to resume at. */
    public record ThreadPosition(Instant lastPostAt, String resumeUrl) {}

    private final Set<String> emitted = ConcurrentHashMap.newKeySet();
    private final Map<String, ThreadPosition> threads = new ConcurrentHashMap<>();
    private final Path dir;
    private final FileChannel log;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private CrawlMemory(Path dir, FileChannel log, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.log = log;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static CrawlMemory inMemory() {
        return new CrawlMemory(null, null, null, null);
    }

    /**
     * Loads (or creates) the crawler's state in {@code dir} and holds it until {@link #close()}.
     *
     * @throws IllegalStateException when another running crawler holds the folder
     */
    public static CrawlMemory open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("crawler state " + dir + " is in use by another running crawler (crawler.stateDir)");
        }
        Path logFile = dir.resolve("emitted.log");
        CrawlMemory memory = new CrawlMemory(dir, FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), lockChannel, lock);
        memory.load(logFile);
        LOG.info("crawler state {}: {} keys emitted before, {} forum threads", dir, memory.emitted.size(), memory.threads.size());
        return memory;
    }

    private void load(Path logFile) throws IOException {
        String text = Files.readString(logFile, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < text.length() - 1) {
            // A crash while appending left half a line: its poll's posts were not all recorded, so they count as unsent.
            LOG.warn("{}: ignoring an unfinished last line", logFile);
            log.truncate(end + 1);
        }
        if (end >= 0) text.substring(0, end).lines().filter(l -> !l.isEmpty()).forEach(emitted::add);
        Path threadsFile = dir.resolve("threads.json");
        if (Files.isRegularFile(threadsFile)) threads.putAll(Json.MAPPER.readValue(threadsFile.toFile(), THREADS));
    }

    /** Marks a key as being sent; false if it was sent (or is being sent) already. */
    public boolean claim(String key) {
        return emitted.add(key);
    }

    /** A claimed key was not sent after all (the fetch or the send failed): the next poll may try it again. */
    public void release(String key) {
        emitted.remove(key);
    }

    /** The posts of these claimed keys are durable in Kafka: record them, so that no later run sends them again. */
    public synchronized void commit(Collection<String> keys) {
        if (log == null || keys.isEmpty()) return;
        StringBuilder lines = new StringBuilder();
        for (String key : keys) lines.append(key).append('\n');
        try {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) log.write(bytes);
            log.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record sent posts in " + dir, e);
        }
    }

    /** Where the thread was left, or null if it was never read. */
    public ThreadPosition thread(String key) {
        return threads.get(key);
    }

    /** Threads a poll read (their posts already committed), recorded on disk before this returns. */
    public synchronized void threads(Map<String, ThreadPosition> read) {
        if (read.isEmpty()) return;
        threads.putAll(read);
        if (dir == null) return;
        try {
            Path tmp = dir.resolve("threads.json.tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap(Json.bytes(new LinkedHashMap<>(threads))));
                out.force(true);
            }
            Files.move(tmp, dir.resolve("threads.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record forum thread positions in " + dir, e);
        }
    }

    /** Keys claimed or emitted (this run's and, with a folder, the previous runs'). */
    public int size() {
        return emitted.size();
    }

    @Override
    public void close() throws IOException {
        if (log == null) return;
        try {
            log.close();
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
