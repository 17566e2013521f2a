package vn.iocstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.Trend;
import vn.iocstream.core.model.WatchlistMinute;
import vn.iocstream.jobs.io.RawRecord;

/** The MediaJob graph on a local MiniCluster with a bounded source and collecting sinks. */
class MediaJobTest {
    private static final Instant NINE_AM = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void malformedRecords_goToDeadLetters_andTheRestIsProcessed() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        input.add(post("a1", "Ngập sâu nhiều tuyến đường ở Biên Hòa sau mưa lớn", NINE_AM));
        input.add(new RawRecord(Topics.RAW_POSTS, "{\"id\": \"x1\", \"url\": ".getBytes(StandardCharsets.UTF_8)));
        input.add(new RawRecord(Topics.RAW_POSTS, Json.bytes(new RawPost("x2", "https://baodongnai.vn/x2.html", "press",
                "Báo Đồng Nai", "Đồng Nai", "Giá xăng tăng", "Nội dung", null, null, NINE_AM))));
        input.add(new RawRecord(Topics.RAW_POSTS, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}));
        input.add(post("a2", "Triều cường dâng cao, người dân Thủ Đức bì bõm lội nước", NINE_AM.plusSeconds(90)));

        Run run = run(input);

        assertThat(run.posts.received()).extracting(EnrichedPost::id).containsExactlyInAnyOrder("a1", "a2");
        List<DeadLetter> dead = run.deadLetters.received();
        assertThat(dead).hasSize(3).allMatch(d -> d.sourceTopic().equals(Topics.RAW_POSTS));
        assertThat(dead).extracting(DeadLetter::reason)
                .anyMatch(r -> r.startsWith("invalid JSON"))
                .anyMatch(r -> r.equals("missing field: publishedAt"));
        // The original bytes survive, even when they are not UTF-8.
        assertThat(dead).anyMatch(d -> java.util.Arrays.equals(d.payload(), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}));
    }

    @Test
    void postsMatchingAWatchlist_areCountedPerMinute() throws Exception {
        List<RawRecord> input = List.of(
                post("n1", "Mưa lớn gây ngập nhiều tuyến phố ở Đà Nẵng", NINE_AM.plusSeconds(5)),
                post("n2", "Triều cường, ngập sâu tại Cần Thơ", NINE_AM.plusSeconds(40)),
                post("n3", "Học sinh nghỉ học vì ngập ở Hội An (Quảng Nam cũ)", NINE_AM.plusSeconds(70)),
                post("g1", "Giá xăng giảm nhẹ từ chiều nay", NINE_AM.plusSeconds(80)));

        Run run = run(input);

        assertThat(run.stats.received())
                .filteredOn(m -> m.watchlist().equals("ngap-lut"))
                .extracting(WatchlistMinute::minute, WatchlistMinute::posts)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NINE_AM, 2L),
                        org.assertj.core.groups.Tuple.tuple(NINE_AM.plusSeconds(60), 1L));
        assertThat(run.alerts.received()).isEmpty();
    }

    @Test
    void storyOnSocialMediaPickedUpByThePress_trendsAndRaisesPickupAlert() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        // Residents post first; the press follows an hour later: where a crisis leaves social media.
        String[] residents = {"Sập cầu Chợ Mới rồi, xe tải rơi xuống sông, mọi người tránh đường nhé",
                "Sập cầu Chợ Mới sáng nay, thấy có người bị thương",
                "Sập cầu Chợ Mới, kẹt xe cả cây số",
                "Nghe nói sập cầu Chợ Mới do xe quá tải"};
        for (int i = 0; i < residents.length; i++) {
            input.add(social("fb" + i, residents[i], NINE_AM.plus(Duration.ofMinutes(3L * i))));
        }
        input.add(post("vne1", "Sập cầu Chợ Mới, xe tải rơi xuống sông", NINE_AM.plus(Duration.ofMinutes(70))));
        input.add(post("tt1", "Sập cầu Chợ Mới: tạm cấm phương tiện qua khu vực", NINE_AM.plus(Duration.ofMinutes(80))));

        Run run = run(input);

        assertThat(run.trends.received()).anyMatch(t -> t.keyType().equals("phrase") && t.key().equals("sập cầu")
                && t.count() == 6 && t.postIds().contains("fb0"));
        assertThat(run.alerts.received()).filteredOn(a -> a.rule().equals("trend-social-to-press") && a.key().equals("phrase:sập cầu"))
                .singleElement().satisfies(a -> {
                    assertThat(a.count()).isEqualTo(4);
                    // The residents first, then the press posts of the bucket that picked the story up.
                    assertThat(a.postIds()).containsExactly("fb0", "fb1", "fb2", "fb3", "vne1", "tt1");
                });
    }

    private record Run(CollectingSink<EnrichedPost> posts, CollectingSink<WatchlistMinute> stats, CollectingSink<Trend> trends,
                       CollectingSink<Alert> alerts, CollectingSink<DeadLetter> deadLetters) {}

    private static Run run(List<RawRecord> input) throws Exception {
        IocConfig config = ConfigLoader.load(null, List.of(
                "watchlists=[{name: ngap-lut, title: 'Ngập lụt', query: 'ngập OR \"triều cường\"'},"
                        + " {name: gia-ca, title: 'Giá cả', query: '\"giá xăng\"'}]",
                "flink.parallelism=2", "flink.checkpointDir=" + System.getProperty("java.io.tmpdir") + "/ioc-media-job-test"));
        Run run = new Run(new CollectingSink<>("posts"), new CollectingSink<>("stats"), new CollectingSink<>("trends"),
                new CollectingSink<>("alerts"), new CollectingSink<>("dead"));
        TypeInformation<RawRecord> type = TypeInformation.of(RawRecord.class);
        DataGeneratorSource<RawRecord> source = new DataGeneratorSource<>(
                new FromElementsGeneratorFunction<>(type, input.toArray(new RawRecord[0])), input.size(), type);
        StreamExecutionEnvironment env = LocalEnvironment.create(config.flink());
        new MediaJob(source, new MediaJob.Sinks(run.posts, new CollectingSink<>("enriched"), run.stats, run.trends, run.alerts,
                run.deadLetters), config).build(env);
        env.execute("media-job-test");
        return run;
    }

    private static RawRecord social(String id, String text, Instant published) {
        return new RawRecord(Topics.RAW_POSTS, Json.bytes(new RawPost(id, "https://facebook.com/groups/anphu/posts/" + id, "social",
                "Facebook", "An Giang", null, text, "Người dân An Phú", published, published.plusSeconds(60))));
    }

    private static RawRecord post(String id, String title, Instant published) {
        return new RawRecord(Topics.RAW_POSTS, Json.bytes(new RawPost(id, "https://baotayninh.vn/" + id + ".html", "press",
                "Báo Tây Ninh", "Tây Ninh", title, title + ". Chính quyền địa phương đang khắc phục.", "Hoàng Nam",
                published, published.plusSeconds(30))));
    }
}
