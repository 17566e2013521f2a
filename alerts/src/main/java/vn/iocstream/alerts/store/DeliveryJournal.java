package vn.iocstream.alerts.store;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.json.Json;

/**
 * A local write-ahead log of delivery outcomes for the time between a send and the batch that stores it in
 * ClickHouse (at most {@code alerts.flushMillis}). Each outcome is written to the file before anything else learns
 * of it, straight to the operating system (no buffer in this process), so a process killed right after a receiver
 * answered still knows, at restart, that the delivery was made and does not make it again. With {@code sync} each
 * write is also forced to disk, which survives a power cut too but costs a disk flush per outcome.
 *
 * <p>Segments: the writer rotates to a new file at each batch and deletes the older files once ClickHouse has the
 * batch, so the journal holds only what ClickHouse may not have yet.
 */
final class DeliveryJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJournal.class);
    private static final String PREFIX = "deliveries-";
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final boolean sync;
    private int segment;
    private FileOutputStream out;

    DeliveryJournal(Path dir, boolean sync) {
        this.dir = dir;
        this.sync = sync;
        try {
            Files.createDirectories(dir);
            segment = segments().stream().mapToInt(DeliveryJournal::number).max().orElse(0) + 1;
            out = new FileOutputStream(file(segment).toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the delivery journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every outcome in the segments left by an earlier process, oldest first; a torn last line is skipped. */
    synchronized List<DeliveryRow> recover() {
        List<DeliveryRow> rows = new ArrayList<>();
        for (Path p : segments()) {
            if (number(p) == segment) continue;
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank()) continue;
                    try {
                        rows.add(Json.parse(line, DeliveryRow.class));
                    } catch (Json.JsonException e) {
                        LOG.warn("delivery journal {}: unreadable line skipped (a write cut short by a crash)", p.getFileName());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    synchronized void append(DeliveryRow row) {
        try {
            out.write((Json.string(row) + "\n").getBytes(StandardCharsets.UTF_8));
            if (sync) out.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the delivery journal: " + e.getMessage(), e);
        }
    }

    /** Starts a new segment; returns the number of the last closed one. */
    synchronized int rotate() {
        try {
            out.close();
            int closed = segment;
            segment++;
            out = new FileOutputStream(file(segment).toFile(), true);
            return closed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the delivery journal: " + e.getMessage(), e);
        }
    }

    /** Deletes the segments up to {@code last}: ClickHouse has their rows. */
    synchronized void deleteUpTo(int last) {
        for (Path p : segments()) {
            if (number(p) <= last) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", p, e.getMessage());
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the delivery journal: {}", e.getMessage());
        }
    }

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(int n) {
        return dir.resolve(String.format("%s%08d%s", PREFIX, n, SUFFIX));
    }

    private static int number(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }
}
