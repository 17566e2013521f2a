package vn.iocstream.crawlers.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlMemoryTest {
    private static final String BAI_1 = "https://baotayninh.vn/gia-xang-giam-hon-500-dong-lit-a190201.html";
    private static final String BAI_2 = "https://baotayninh.vn/trieu-cuong-vuot-bao-dong-3-a190188.html";
    private static final String THREAD = "https://www.otofun.net/threads/ngap-sau-ql1a-doan-qua-tam-hiep.1812345/";

    @TempDir Path dir;

    @Test
    void committedKeysAndThreadPositions_surviveAReopen_claimedButUncommittedOnesDoNot() throws Exception {
        try (CrawlMemory memory = CrawlMemory.open(dir)) {
            assertThat(memory.claim(BAI_1)).isTrue();
            assertThat(memory.claim(BAI_2)).isTrue();
            memory.commit(List.of(BAI_1)); // BAI_2's send never returned: the process died before
            memory.threads(Map.of(THREAD, new CrawlMemory.ThreadPosition(Instant.parse("2025-10-14T02:35:00Z"), THREAD + "page-2")));
        }
        try (CrawlMemory memory = CrawlMemory.open(dir)) {
            assertThat(memory.claim(BAI_1)).as("sent by the previous run").isFalse();
            assertThat(memory.claim(BAI_2)).as("never acknowledged: sent again").isTrue();
            assertThat(memory.thread(THREAD)).isEqualTo(new CrawlMemory.ThreadPosition(Instant.parse("2025-10-14T02:35:00Z"), THREAD + "page-2"));
        }
    }

    @Test
    void aLineCutShortByACrash_isIgnored() throws Exception {
        try (CrawlMemory memory = CrawlMemory.open(dir)) {
            memory.claim(BAI_1);
            memory.commit(List.of(BAI_1));
        }
        Files.writeString(dir.resolve("emitted.log"), BAI_2.substring(0, 30), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (CrawlMemory memory = CrawlMemory.open(dir)) {
            assertThat(memory.size()).isEqualTo(1);
            assertThat(memory.claim(BAI_2)).isTrue();
            memory.commit(List.of(BAI_2));
        }
        assertThat(Files.readAllLines(dir.resolve("emitted.log"))).containsExactly(BAI_1, BAI_2);
    }

    @Test
    void secondCrawlerOnTheSameFolder_isRefused() throws Exception {
        try (CrawlMemory first = CrawlMemory.open(dir)) {
            assertThatThrownBy(() -> CrawlMemory.open(dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running crawler");
        }
    }
}
