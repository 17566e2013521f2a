package vn.iocstream.deploy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.app.demo.DemoArticle;
import vn.iocstream.app.runtime.KafkaEventSink;
import vn.iocstream.core.Ids;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.TrafficReading;

/**
 * Records for the raw topics with exact expectations: Vietnamese press posts (each its own story), sshd lines of a
 * brute force, and road-sensor readings whose bucket averages are known. Everything is deterministic per index, so a
 * record sent twice is the same record (the same id, the same row).
 */
final class Feeds {
    private static final String[] PLACES = {"Biên Hòa", "Long Thành", "Trảng Bom", "Nhơn Trạch", "Tân Uyên", "Dĩ An", "Thủ Dầu Một",
            "Bến Lức", "Tây Ninh", "Trảng Bàng", "Gò Dầu", "Hội An", "Tam Kỳ", "Điện Bàn", "Đồng Xoài", "Bình Long"};
    private static final String[] SUBJECTS = {"khởi công cầu vượt", "nâng cấp trạm y tế", "mở rộng trường tiểu học",
            "sửa chữa tuyến đê bao", "lắp đèn chiếu sáng", "nạo vét kênh thoát nước", "xây nhà văn hóa", "trồng cây xanh"};

    private Feeds() {}

    /**
     * Press post {@code i}: a short article of its own (different place, subject and numbers), published at {@code at}.
     * Texts differ enough that no two share a story.
     */
    static RawPost post(String prefix, int i, Instant at) {
        String place = PLACES[i % PLACES.length];
        String subject = SUBJECTS[(i / PLACES.length) % SUBJECTS.length];
        String url = "https://baodongnai.example.vn/" + prefix + "/bai-" + i + ".html";
        String title = "Phường " + place + " " + subject + " với kinh phí " + (12 + i) + " tỷ đồng";
        String text = title + ". UBND phường " + place + " cho biết dự án số " + i + " sẽ hoàn thành trong " + (3 + i % 9)
                + " tháng, phục vụ khoảng " + (1000 + 37 * i) + " hộ dân. Công trình do Ban quản lý dự án khu vực " + (i % 7 + 1)
                + " làm chủ đầu tư, nhà thầu cam kết bảo đảm an toàn giao thông trong thời gian thi công đợt " + (i % 5 + 1) + ".";
        return new RawPost(Ids.forUrl(url), url, "press", "Báo Đồng Nai", "Đồng Nai", title, text, "Phóng viên", at, at.plusSeconds(20), List.of());
    }

    /** An sshd failed-password line {@code n} of a brute force from one address, logged at {@code at}. */
    static String authLine(int n, Instant at) {
        String stamp = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH).format(at.atOffset(ZoneOffset.UTC));
        return stamp + " dvc-dongnai sshd[" + (4100 + n) + "]: Failed password for root from 45.76.12.9 port " + (51000 + n) + " ssh2";
    }

    /**
     * Reading {@code r} of segment {@code s}: one per minute from {@code start}, speed 30 + s + (r % 5) km/h, so the
     * bucket averages are known (see {@link #averageSpeed}).
     */
    static TrafficReading reading(int s, int r, Instant start) {
        return new TrafficReading("ql1a-doan-" + s, start.plus(Duration.ofMinutes(r)), 30.0 + s + (r % 5), 20L + r, 0.1 + (r % 3) / 10.0);
    }

    /** Average speed of segment {@code s} over readings {@code from} (inclusive) to {@code to} (exclusive). */
    static double averageSpeed(int s, int from, int to) {
        double sum = 0;
        for (int r = from; r < to; r++) sum += 30.0 + s + (r % 5);
        return sum / (to - from);
    }

    /** Sends the records to {@code topic} (keyed as the platform keys them) and waits until the broker has them all. */
    static <T> void send(KafkaConnection kafka, String topic, List<T> records, Function<T, String> key) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (T r : records) producer.send(new ProducerRecord<>(topic, key.apply(r), Json.bytes(r)));
            producer.flush();
        }
    }

    static void sendPosts(KafkaConnection kafka, List<RawPost> posts) {
        send(kafka, Topics.RAW_POSTS, posts, RawPost::id);
    }

    static void sendReadings(KafkaConnection kafka, List<TrafficReading> readings) {
        send(kafka, Topics.RAW_TRAFFIC, readings, TrafficReading::segmentId);
    }

    /** Auth lines as {@code ioc replay security} / {@code ioc tail} send them (the same keys and envelopes). */
    static void sendAuthLines(KafkaConnection kafka, String source, List<String> lines, int year) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < lines.size(); i++) producer.send(KafkaEventSink.securityRecord("auth", source, (long) i + 1, lines.get(i), year));
            producer.flush();
        }
    }

    static List<String> authLines(int n, Instant start) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(authLine(i, start.plusSeconds(i)));
        return out;
    }

    /** Article {@code i} of the demo news site: a ward clean-up campaign of its own, published at {@code at}. */
    static DemoArticle article(int i, Instant at) {
        String[] wards = {"Tam Hiệp", "Tân Phong", "Hố Nai", "Long Bình", "Trảng Dài", "Bửu Long", "Quang Vinh", "Thống Nhất", "Tân Mai", "An Bình"};
        String ward = wards[i % wards.length];
        return new DemoArticle("tin-" + i, "thoi-su", "Phường " + ward + " ra quân dọn vệ sinh kênh rạch đợt " + (i + 1), "Phóng viên", at,
                List.of("Sáng nay, hơn " + (100 + 7 * i) + " đoàn viên và người dân phường " + ward + " đã vớt rác, khơi thông "
                        + (2 + i) + " km kênh rạch trước mùa mưa.", "Chiến dịch kéo dài " + (3 + i % 4) + " tuần với kinh phí "
                        + (40 + i) + " triệu đồng."), List.of(), "Đồng Nai");
    }
}
