package vn.iocstream.crawlers.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailerTest {
    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();

    /** sshd lines as a Tây Ninh IOC bastion writes them; distinct by second, address and port. */
    private static String auth(int i) {
        return String.format("Nov 22 08:%02d:%02d ioc-tayninh-bastion sshd[%d]: Failed password for invalid user nguyenvana"
                + " from 203.0.113.%d port %d ssh2", i / 60, i % 60, 2200 + i, 10 + i % 200, 40000 + i);
    }

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) b.append(auth(i)).append('\n');
        return b.toString();
    }

    private static List<String> expected(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(FileTailerTest::auth).toList();
    }

    private static void append(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private FileTailer tailer(String pattern, Duration rotateWait) {
        return new FileTailer(EventKind.AUTH, dir.resolve(pattern).toString(), dir.resolve("cp/auth.json"), sink, 3, rotateWait);
    }

    @Test
    void appendedLines_arriveOnceWithLineNumbers() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 4));
        FileTailer t = tailer("auth.log", Duration.ZERO);
        assertThat(t.poll()).isEqualTo(4);
        append(log, lines(5, 7));
        assertThat(t.poll()).isEqualTo(3);
        assertThat(t.poll()).isZero();
        assertThat(sink.texts()).containsExactlyElementsOf(expected(1, 7));
        assertThat(sink.lines()).extracting(EventLine::lineNo).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(sink.lines()).extracting(EventLine::source).containsOnly("auth.log");
    }

    @Test
    void partialLastLine_heldUntilItsNewlineArrives() throws IOException {
        Path log = dir.resolve("auth.log");
        String line2 = auth(2);
        append(log, auth(1) + "\r\n" + line2.substring(0, 30));
        FileTailer t = tailer("auth.log", Duration.ZERO);
        assertThat(t.poll()).isEqualTo(1);
        assertThat(t.poll()).isZero();
        append(log, line2.substring(30) + "\n");
        assertThat(t.poll()).isEqualTo(1);
        assertThat(sink.texts()).containsExactly(auth(1), line2);
    }

    @Test
    void renameRotationMidStream_noLossNoRepeat() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 3));
        AtomicLong now = new AtomicLong(1_000);
        FileTailer t = new FileTailer(EventKind.AUTH, log.toString(), dir.resolve("cp/auth.json"), sink, 2,
                Duration.ofSeconds(5), now::get);
        t.poll();
        append(log, lines(4, 5));                               // written, not yet read
        Files.move(log, dir.resolve("auth.log.1"));            // logrotate: rename ...
        append(log, lines(6, 7));                               // ... create; sshd has not reopened yet:
        append(dir.resolve("auth.log.1"), lines(8, 8) + auth(9).substring(0, 20));
        t.poll();
        assertThat(t.rotations()).isEqualTo(1);
        append(dir.resolve("auth.log.1"), auth(9).substring(20)); // its last line, never terminated
        now.addAndGet(1_000);
        t.poll();
        assertThat(sink.texts()).doesNotContain(auth(9));       // within rotateWait: could still be completed
        now.addAndGet(10_000);
        t.poll();
        append(log, lines(10, 10));
        t.poll();
        assertThat(sink.texts()).containsExactlyInAnyOrderElementsOf(expected(1, 10));
        assertThat(sink.texts().subList(0, 5)).containsExactlyElementsOf(expected(1, 5)); // old file first
    }

    @Test
    void copytruncate_restartsAtZeroWithoutRepeating() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 3));
        FileTailer t = tailer("auth.log", Duration.ZERO);
        t.poll();
        Files.copy(log, dir.resolve("auth.log.1"));
        Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        append(log, lines(4, 4));
        t.poll();
        assertThat(t.truncations()).isEqualTo(1);
        assertThat(sink.texts()).containsExactlyElementsOf(expected(1, 4));
        assertThat(sink.lines().get(3).lineNo()).isEqualTo(1L);
    }

    @Test
    void copytruncateOfUnreadLines_takesThemFromTheCopy() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 3));
        FileTailer t = tailer("auth.log", Duration.ZERO);
        t.poll();
        append(log, lines(4, 5));                          // written after the last poll ...
        Files.copy(log, dir.resolve("auth.log.1"));       // ... so only the copy still holds them
        Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        append(log, lines(6, 6));
        t.poll();
        t.poll();
        assertThat(sink.texts()).containsExactlyElementsOf(expected(1, 6));
        assertThat(sink.lines()).extracting(EventLine::lineNo).containsExactly(1L, 2L, 3L, 4L, 5L, 1L);
    }

    @Test
    void copytruncateRefilledPastOffset_detectedByHeadHash() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 2));
        FileTailer t = tailer("auth.log", Duration.ZERO);
        t.poll();
        // Truncated and refilled beyond the old offset between two polls: the size alone cannot tell.
        Files.writeString(log, lines(3, 6), StandardOpenOption.TRUNCATE_EXISTING);
        t.poll();
        assertThat(sink.texts()).containsExactlyElementsOf(expected(1, 6));
    }

    @Test
    void restartFromCheckpoint_noRepeatNoLoss() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 5) + auth(6).substring(0, 25));
        FileTailer first = tailer("auth.log", Duration.ZERO);
        first.poll();
        first.close();
        append(log, auth(6).substring(25) + "\n" + lines(7, 8));
        FileTailer second = tailer("auth.log", Duration.ZERO);
        assertThat(second.poll()).isEqualTo(3);
        assertThat(sink.texts()).containsExactlyElementsOf(expected(1, 8));
        assertThat(sink.lines().subList(5, 8)).extracting(EventLine::lineNo).containsExactly(6L, 7L, 8L);
    }

    @Test
    void rotationWhileStopped_finishesOldFileThenReadsNewOne() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 3));
        FileTailer first = tailer("auth.log", Duration.ZERO);
        first.poll();
        first.close();
        append(log, lines(4, 5));
        Files.move(log, dir.resolve("auth.log.1"));
        append(log, lines(6, 7));
        FileTailer second = tailer("auth.log", Duration.ZERO);
        second.poll();
        assertThat(sink.texts()).containsExactlyElementsOf(expected(1, 7));
    }

    @Test
    void copytruncateWhileStopped_unreadLinesTakenFromTheCopy() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 3));
        FileTailer first = tailer("auth.log", Duration.ZERO);
        first.poll();
        first.close();
        append(log, lines(4, 5));
        Files.copy(log, dir.resolve("auth.log.1"));
        Files.writeString(log, lines(6, 9), StandardOpenOption.TRUNCATE_EXISTING); // refilled past the old offset
        tailer("auth.log", Duration.ZERO).poll();
        assertThat(sink.texts()).containsExactlyElementsOf(expected(1, 9));
    }

    @Test
    void fileReplacedWhileStopped_readFromStart() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 3));
        FileTailer first = tailer("auth.log", Duration.ZERO);
        first.poll();
        first.close();
        // Same name, maybe the same inode, other content at least as long: the head hash tells it apart.
        Files.writeString(log, lines(11, 15), StandardOpenOption.TRUNCATE_EXISTING);
        tailer("auth.log", Duration.ZERO).poll();
        assertThat(sink.texts()).containsExactlyElementsOf(List.of(auth(1), auth(2), auth(3), auth(11), auth(12), auth(13), auth(14), auth(15)));
    }

    @Test
    void flushNotAcknowledged_batchRepeatedNothingLost() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 5));
        FileTailer t = tailer("auth.log", Duration.ZERO); // batches of 3
        sink.failNextFlush();
        assertThatThrownBy(t::poll).hasMessageContaining("acknowledge");
        t.poll();
        // The unacknowledged batch (lines 1-3) is sent again; nothing after it was sent twice.
        assertThat(sink.texts()).containsExactlyElementsOf(List.of(auth(1), auth(2), auth(3), auth(1), auth(2), auth(3), auth(4), auth(5)));
    }

    @Test
    void globWithRotatedNames_followsIdentityAndSkipsCompressed() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, lines(1, 2));
        Files.write(dir.resolve("auth.log.2.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        FileTailer t = tailer("auth.log*", Duration.ZERO);
        t.poll();
        Files.move(log, dir.resolve("auth.log.1"));   // still matches the glob: same file, not a new one
        append(log, lines(3, 3));
        t.poll();
        assertThat(sink.texts()).containsExactlyElementsOf(expected(1, 3));
    }

    @Test
    void zeekGlob_eachLogNamedByItsFileAndHeadersSkipped() throws IOException {
        Path zeek = Files.createDirectories(dir.resolve("zeek/current"));
        Files.writeString(zeek.resolve("conn.log"),
                "{\"ts\":1795306502.12,\"uid\":\"CHhAvVGS1DHFjwGM9\",\"id.orig_h\":\"10.70.1.23\",\"id.orig_p\":51022,"
                        + "\"id.resp_h\":\"10.70.0.5\",\"id.resp_p\":22,\"proto\":\"tcp\",\"conn_state\":\"S0\"}\n");
        Files.writeString(zeek.resolve("dns.log"), "#separator \\x09\n"
                + "{\"ts\":1795306503.5,\"uid\":\"C8uKW42Uk3Tn5xgXa\",\"id.orig_h\":\"10.70.1.23\",\"query\":\"cong-thong-tin.tayninh.gov.vn\"}\n");
        new FileTailer(EventKind.ZEEK, zeek.resolve("*.log").toString(), dir.resolve("cp/zeek.json"), sink, 100, Duration.ZERO).poll();
        assertThat(sink.lines()).extracting(EventLine::source).containsExactly("conn.log", "dns.log");
        assertThat(sink.lines().get(1).lineNo()).isEqualTo(2L);
    }

    /**
     * A seeded writer: bursts ending mid-line, logrotate renames and copytruncates, and tailer restarts, interleaved with
     * polls. It keeps the documented limit: a file is rotated only after a poll has seen its first line (a file
     * written and rotated away between two polls was never known to the tailer).
     */
    @Test
    void seededWriterWithRotationsAndRestarts_everyLineExactlyOnce() throws IOException {
        java.util.Random rnd = new java.util.Random(20261122);
        Path log = dir.resolve("auth.log");
        FileTailer t = tailer("auth.log", Duration.ZERO);
        String pending = "";
        int next = 1;
        int rotated = 0;
        boolean hasLines = false;
        boolean seen = false;
        while (next <= 3000) {
            StringBuilder burst = new StringBuilder(pending);
            for (int k = rnd.nextInt(40); k > 0 && next <= 3000; k--) burst.append(auth(next++)).append('\n');
            String text = burst.toString();
            int cut = rnd.nextInt(4) == 0 && text.length() > 1 ? text.length() - 1 - rnd.nextInt(Math.min(30, text.length() - 1)) : text.length();
            if (cut < text.length() && text.charAt(cut - 1) == '\n') cut = text.length();
            append(log, text.substring(0, cut));
            if (!hasLines && text.substring(0, cut).indexOf('\n') >= 0) {
                hasLines = true;
                seen = false;
            }
            pending = text.substring(cut);
            int action = rnd.nextInt(12);
            boolean mayRotate = pending.isEmpty() && (!hasLines || seen);
            if (action == 0 && mayRotate) {
                Files.move(log, dir.resolve("auth.log." + ++rotated));
                hasLines = false;
            } else if (action == 1 && mayRotate) {
                Files.copy(log, dir.resolve("auth.log." + ++rotated));
                Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
                hasLines = false;
            } else if (action == 2) {
                t.close();
                t = tailer("auth.log", Duration.ZERO);
            }
            if (rnd.nextBoolean()) {
                t.poll();
                seen = hasLines;
            }
        }
        append(log, pending);
        t.poll();
        t.poll();
        assertThat(rotated).isGreaterThan(10);
        assertThat(sink.texts()).hasSize(3000).containsExactlyInAnyOrderElementsOf(expected(1, 3000));
    }

    @Test
    void globInDirectory_refused() {
        assertThatThrownBy(() -> tailer("*/auth.log", Duration.ZERO)).hasMessageContaining("only the file name");
    }
}
