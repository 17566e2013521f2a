package vn.iocstream.crawlers.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.json.Json;

/**
 * Follows a log file, or every file a glob matches ({@code /var/log/zeek/current/*.log}), line by line into an
 * {@link EventSink}, and remembers where it is in a checkpoint file.
 *
 * <p><b>Delivery: at-least-once.</b> Lines go to the sink in batches; the checkpoint (per file: identity, byte
 * offset, line number, a hash of the first bytes) moves only after {@link EventSink#flush()} returned, and is
 * written atomically (temp file, fsync, rename). A crash therefore repeats at most the batch that was sent but not
 * yet checkpointed, and never loses a line. Repeats are harmless for security kinds — SecurityJob's event id is a
 * hash of format, source, line number and text, so a repeated line is the same row — but a repeated traffic reading
 * is counted again in its still-open bucket (readings carry no id).
 *
 * <p><b>Rotation.</b> Files are tracked by identity (device + inode), not name. Rename rotation (logrotate's
 * default: {@code auth.log → auth.log.1}, new {@code auth.log}): the renamed file is read to its end, and for
 * {@code rotateWait} after it stopped growing (a writer may still append before it reopens), before it is let go;
 * the new file is read from its start. A rotation while the tailer was stopped is found by looking for the
 * checkpointed identity among the directory's files. copytruncate: a file shorter than the offset, or whose first
 * bytes changed, is read again from 0, after the lines it had not read yet are taken from the copy (a file of the
 * directory with the same head, longer than the old offset). Not recoverable: a file written and rotated away before
 * any poll saw its first line (the tailer never knew it), and lines written between copytruncate's copy and truncate.
 * An inode reused by a new file is told apart by the head hash. Compressed
 * rotated files (.gz, .bz2, .xz, .zst) are never read: their lines were read before compression — unless the
 * writer appended after the last poll and logrotate compressed at once (use {@code delaycompress}).
 *
 * <p>A last line without its newline is held back until it is completed, except at the end of a rotated file,
 * where nothing can complete it. Lines are UTF-8 (invalid bytes become U+FFFD); a line longer than 1 MiB is cut.
 * Thread-safety: {@link #poll()} is synchronized; one thread polls.
 */
public final class FileTailer {
    private static final Logger LOG = LoggerFactory.getLogger(FileTailer.class);
    /** Bytes of a file's head whose hash tells a reused inode or a rewritten file from the one checkpointed. */
    static final int HEAD_BYTES = 1024;
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int CHUNK = 64 * 1024;

    private final EventKind kind;
    private final Path dir;
    private final PathMatcher matcher;
    private final Path checkpointFile;
    private final EventSink sink;
    private final int batchLines;
    private final long rotateWaitMillis;
    private final LongSupplier clockMillis;
    /** Followed files by identity, in the order first seen. */
    private final Map<String, Tracked> files = new LinkedHashMap<>();
    /** Checkpoint entries not yet matched to a file (only before the first poll finds them). */
    private Map<String, Checkpoint.Entry> restored;
    private long lines;
    private long rotations;
    private long truncations;

    /**
     * @param pattern        a file path; its last element may be a glob ({@code *.log}), the directory may not
     * @param checkpointFile where the position is kept (its directory is created)
     * @param batchLines     lines per sink flush and checkpoint write
     * @param rotateWait     how long a rotated file is still watched for late appends after it stopped growing
     */
    public FileTailer(EventKind kind, String pattern, Path checkpointFile, EventSink sink, int batchLines, Duration rotateWait) {
        this(kind, pattern, checkpointFile, sink, batchLines, rotateWait, System::currentTimeMillis);
    }

    FileTailer(EventKind kind, String pattern, Path checkpointFile, EventSink sink, int batchLines, Duration rotateWait,
               LongSupplier clockMillis) {
        Path p = Path.of(pattern).toAbsolutePath().normalize();
        if (p.getParent() == null || p.getParent().toString().matches(".*[*?\\[{].*")) {
            throw new IllegalArgumentException("only the file name may be a glob: " + pattern);
        }
        if (batchLines < 1) throw new IllegalArgumentException("batchLines must be at least 1");
        this.kind = kind;
        this.dir = p.getParent();
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName());
        this.checkpointFile = checkpointFile;
        this.sink = sink;
        this.batchLines = batchLines;
        this.rotateWaitMillis = rotateWait.toMillis();
        this.clockMillis = clockMillis;
    }

    /** The checkpoint: every followed file's position. Public for the JSON mapping. */
    public record Checkpoint(List<Entry> files) {
        /** {@code path} is where the file was last seen; {@code source} the name it is published under. */
        public record Entry(String identity, String path, String source, long offset, long lineNo, int headLength,
                            String headHash) {}
    }

    private static final class Tracked {
        final String identity;
        final String source;
        final FileChannel channel;
        Path path;
        long offset;
        long lineNo;
        int headLength;
        String headHash = "";
        boolean rotated;
        long lastSize = -1;
        long lastGrowthMillis;

        Tracked(String identity, String source, Path path, FileChannel channel) {
            this.identity = identity;
            this.source = source;
            this.path = path;
            this.channel = channel;
        }
    }

    /**
     * Reads what was appended since the last poll, handling rotation and truncation.
     *
     * @return lines handed to the sink
     * @throws RuntimeException from the sink's flush: nothing after the last checkpoint counts as read, the next
     *                          poll sends it again
     */
    public synchronized int poll() throws IOException {
        if (restored == null) restored = loadCheckpoint();
        Map<String, Path> live = new LinkedHashMap<>();
        for (Path f : list(true)) {
            String id = identityOrNull(f);
            if (id != null) live.put(id, f);
        }
        live.forEach((id, path) -> {
            Tracked t = files.get(id);
            if (t == null) {
                t = open(id, path, restored.remove(id), true);
                if (t != null) files.put(id, t);
            } else {
                t.path = path;
                t.rotated = false;
            }
        });
        for (Tracked t : files.values()) {
            if (!t.rotated && !live.containsKey(t.identity)) {
                t.rotated = true;
                t.lastGrowthMillis = clockMillis.getAsLong();
                rotations++;
                LOG.info("{} rotated: finishing it before letting go", t.path);
            }
        }
        if (!restored.isEmpty()) findRotatedWhileStopped();

        int before = (int) lines;
        // The rotated (older) files first, so that a file's lines are emitted before its successor's.
        List<Tracked> order = new ArrayList<>(files.values());
        order.sort(Comparator.comparing((Tracked t) -> !t.rotated));
        for (Tracked t : order) {
            try {
                read(t);
            } catch (NoSuchFileException e) {
                LOG.warn("{} vanished: {}", t.path, e.toString());
                forget(t);
            }
        }
        return (int) lines - before;
    }

    public synchronized long lines() {
        return lines;
    }

    public synchronized long rotations() {
        return rotations;
    }

    public synchronized long truncations() {
        return truncations;
    }

    public EventKind kind() {
        return kind;
    }

    /** Closes the open files; the checkpoint already holds every acknowledged position. */
    public synchronized void close() {
        for (Tracked t : files.values()) closeQuietly(t.channel);
        files.clear();
    }

    private void read(Tracked t) throws IOException {
        long size = t.channel.size();
        if (size < t.offset || !headMatches(t.channel, t.headLength, t.headHash)) {
            // copytruncate, or the file was rewritten: its content now starts over.
            LOG.info("{} was truncated (size {} < offset {} or head changed): reading it from the start", t.path, size, t.offset);
            truncations++;
            Tracked copy = copyOf(t);
            if (copy != null) {
                // copytruncate copied lines we had not read yet: take them from the copy, under this file's numbering.
                files.put(copy.identity, copy);
                read(copy);
            }
            t.offset = 0;
            t.lineNo = 0;
            t.headLength = 0;
            t.headHash = "";
            saveCheckpoint();
        }
        long now = clockMillis.getAsLong();
        if (size != t.lastSize) {
            t.lastSize = size;
            t.lastGrowthMillis = now;
        }
        List<EventLine> batch = new ArrayList<>();
        long pos = t.offset;
        long lineNo = t.lineNo;
        int want = CHUNK;
        while (pos < size) {
            int len = (int) Math.min(size - pos, want);
            byte[] buf = readAt(t.channel, pos, len);
            if (buf.length < len) break; // the file shrank while being read: the next poll sees the truncation
            int start = 0;
            for (int i = 0; i < buf.length; i++) {
                if (buf[i] != '\n') continue;
                lineNo++;
                add(batch, t, lineNo, buf, start, i);
                start = i + 1;
                if (batch.size() >= batchLines) {
                    commit(t, pos + start, lineNo, batch);
                }
            }
            if (start == 0) {
                if (buf.length >= MAX_LINE_BYTES) {
                    lineNo++;
                    add(batch, t, lineNo, buf, 0, buf.length);
                    start = buf.length;
                } else if (pos + buf.length < size) {
                    want = Math.min(MAX_LINE_BYTES, want * 2); // a line longer than the chunk: read more of it
                    continue;
                } else {
                    break; // an incomplete last line: wait for its newline
                }
            }
            pos += start;
            want = CHUNK;
        }
        boolean finished = t.rotated && now - t.lastGrowthMillis >= rotateWaitMillis;
        if (finished && pos < size) {
            // The end of a rotated file: no newline will ever come for its last line.
            byte[] rest = readAt(t.channel, pos, (int) Math.min(size - pos, MAX_LINE_BYTES));
            lineNo++;
            add(batch, t, lineNo, rest, 0, rest.length);
            pos = size;
        }
        if (pos != t.offset) commit(t, pos, lineNo, batch);
        if (finished) {
            LOG.info("{} finished after rotation at line {}", t.path, t.lineNo);
            forget(t);
        }
    }

    private void add(List<EventLine> batch, Tracked t, long lineNo, byte[] buf, int from, int to) {
        int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        String text = new String(buf, from, end - from, StandardCharsets.UTF_8);
        if (!kind.skips(text)) batch.add(new EventLine(t.source, lineNo, text));
    }

    /** Sends the batch, waits for the sink to hold it durably, and only then moves and saves the position. */
    private void commit(Tracked t, long offset, long lineNo, List<EventLine> batch) throws IOException {
        if (!batch.isEmpty()) {
            for (EventLine line : batch) sink.accept(kind, line);
            sink.flush();
            lines += batch.size();
            batch.clear();
        }
        t.offset = offset;
        t.lineNo = lineNo;
        if (t.headLength < HEAD_BYTES && t.offset > t.headLength) {
            t.headLength = (int) Math.min(t.offset, HEAD_BYTES);
            t.headHash = hash(readAt(t.channel, 0, t.headLength));
        }
        saveCheckpoint();
    }

    private void forget(Tracked t) throws IOException {
        closeQuietly(t.channel);
        files.remove(t.identity);
        saveCheckpoint();
    }

    /**
     * Opens a file at its checkpoint entry, or at 0 for a new file. A non-live file (found by identity after a
     * rotation) whose head no longer matches its entry is another file on a reused inode, and is skipped.
     */
    private Tracked open(String id, Path path, Checkpoint.Entry entry, boolean live) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            if (entry != null && !live && !headMatches(ch, entry.headLength(), entry.headHash())) {
                ch.close(); // the checkpointed inode now holds another file
                return null;
            }
            // A live file that was truncated or replaced while stopped resumes here too: read() then notices, takes
            // unread lines from a copytruncate copy, and starts over.
            Tracked t = new Tracked(id, entry != null ? entry.source() : path.getFileName().toString(), path, ch);
            if (entry != null) {
                t.offset = entry.offset();
                t.lineNo = entry.lineNo();
                t.headLength = entry.headLength();
                t.headHash = entry.headHash();
            }
            return t;
        } catch (IOException e) {
            LOG.warn("cannot open {}: {}", path, e.toString());
            return null;
        }
    }

    /**
     * The copy copytruncate made of {@code t}: another uncompressed file of the directory with the same head and more
     * bytes than {@code t} had been read to, continued from there as a rotated file.
     */
    private Tracked copyOf(Tracked t) throws IOException {
        if (t.headLength == 0) return null;
        for (Path f : list(false)) {
            String id = identityOrNull(f);
            if (id == null || files.containsKey(id)) continue;
            FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
            if (ch.size() > t.offset && headMatches(ch, t.headLength, t.headHash)) {
                Tracked copy = new Tracked(id, t.source, f, ch);
                copy.offset = t.offset;
                copy.lineNo = t.lineNo;
                copy.headLength = t.headLength;
                copy.headHash = t.headHash;
                copy.rotated = true;
                copy.lastGrowthMillis = clockMillis.getAsLong();
                return copy;
            }
            ch.close();
        }
        return null;
    }

    /** Checkpointed files no longer under their name: renamed by a rotation while the tailer was down. */
    private void findRotatedWhileStopped() throws IOException {
        for (Path f : list(false)) {
            String id = identityOrNull(f);
            Checkpoint.Entry entry = id == null ? null : restored.remove(id);
            if (entry == null) continue;
            Tracked t = open(id, f, entry, false);
            if (t == null) continue;
            t.rotated = true;
            t.lastGrowthMillis = clockMillis.getAsLong();
            rotations++;
            files.put(id, t);
            LOG.info("{} (now {}) was rotated before the restart: finishing it", entry.path(), f);
        }
        for (Checkpoint.Entry lost : restored.values()) {
            LOG.warn("{} is gone (deleted or compressed while stopped): lines after line {} may be missing",
                    lost.path(), lost.lineNo());
        }
        restored.clear();
    }

    /** Regular, uncompressed files of the directory; only those the pattern matches when {@code matching}. */
    private List<Path> list(boolean matching) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                if (name.matches(".*\\.(gz|bz2|xz|zst|zip)$") || !Files.isRegularFile(f)) continue;
                if (matching && !matcher.matches(f.getFileName())) continue;
                if (f.toAbsolutePath().equals(checkpointFile.toAbsolutePath())) continue;
                out.add(f);
            }
        }
        out.sort(null);
        return out;
    }

    /** Device + inode (Files' fileKey), which a rename keeps and a new file does not share. */
    static String identityOrNull(Path f) {
        try {
            Object key = Files.readAttributes(f, BasicFileAttributes.class).fileKey();
            return key != null ? key.toString() : "ino:" + Files.getAttribute(f, "unix:ino");
        } catch (IOException e) {
            return null; // vanished between listing and stat: next poll sees the new state
        }
    }

    private static boolean headMatches(FileChannel ch, int headLength, String headHash) throws IOException {
        if (headLength == 0) return true;
        byte[] head = readAt(ch, 0, headLength);
        return head.length == headLength && hash(head).equals(headHash);
    }

    private static byte[] readAt(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) break;
        }
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return out;
    }

    private static String hash(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private Map<String, Checkpoint.Entry> loadCheckpoint() throws IOException {
        Map<String, Checkpoint.Entry> out = new HashMap<>();
        if (!Files.isRegularFile(checkpointFile)) return out;
        try {
            Checkpoint cp = Json.parse(Files.readAllBytes(checkpointFile), Checkpoint.class);
            if (cp != null && cp.files() != null) cp.files().forEach(e -> out.put(e.identity(), e));
        } catch (Json.JsonException e) {
            // Writes are atomic, so this is damage from outside: start over rather than stop (at-least-once).
            LOG.warn("checkpoint {} unreadable, reading files from the start: {}", checkpointFile, e.getMessage());
        }
        return out;
    }

    private void saveCheckpoint() throws IOException {
        List<Checkpoint.Entry> entries = new ArrayList<>();
        for (Tracked t : files.values()) {
            entries.add(new Checkpoint.Entry(t.identity, t.path.toString(), t.source, t.offset, t.lineNo, t.headLength, t.headHash));
        }
        // Entries not matched yet survive a poll that failed before finding their files.
        if (restored != null) entries.addAll(restored.values());
        Files.createDirectories(checkpointFile.toAbsolutePath().getParent());
        Path tmp = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(Json.bytes(new Checkpoint(entries)));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        try {
            Files.move(tmp, checkpointFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, checkpointFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a read-only channel loses nothing
        }
    }
}
