package vn.iocstream.nlp.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Throughput of {@link EntityExtractor} on one thread, on ~1 KB news-like posts built from a fixed
 * set of sentences (seeded, so runs compare), beside the cost of normalisation alone as a baseline.
 * Run: {@code java -cp <nlp classpath> vn.iocstream.nlp.entity.EntityBench [seconds]}.
 */
public final class EntityBench {
    private EntityBench() {}

    private static final List<String> SENTENCES = List.of(
            "Sáng 12/11, tại km 1582 QL1A đoạn qua xã Trảng Bom, tỉnh Đồng Nai, xe tải biển số 60C-123.45 do ông Nguyễn Văn Hùng (45 tuổi) điều khiển đã tông vào dải phân cách.",
            "Công an tỉnh Bình Phước cho biết đã tạm giữ hai đối tượng liên quan vụ trộm cắp tài sản trị giá 1,2 tỷ đồng.",
            "Theo Sở Giao thông vận tải TP.HCM, từ 7 giờ sáng mai, đường Nguyễn Văn Linh sẽ được phân luồng để sửa chữa.",
            "Người dân có thể phản ánh qua đường dây nóng 0912 345 678 hoặc gọi 113 khi phát hiện vi phạm.",
            "Giá xăng RON95 tăng 500 đồng/lít từ 15h ngày 3-9, theo thông báo của Petrolimex và Bộ Công Thương.",
            "Mưa lớn kéo dài khiến nhiều tuyến đường ở Quảng Nam và Quảng Ngãi ngập sâu, giao thông trên quốc lộ 51 bị chia cắt.",
            "Bà Phạm Thị Lan, Giám đốc Sở Y tế tỉnh Quảng Nam, cho biết các bệnh viện tuyến huyện đã quá tải.",
            "Cao tốc TP.HCM – Trung Lương ùn tắc nghiêm trọng vào chiều Chủ nhật, nhiều người phải chờ hơn hai giờ.",
            "UBND TP.HCM yêu cầu các sở ngành báo cáo kết quả thực hiện trước ngày 25/1/2024.",
            "Anh Tuấn, một người dân ở phường Bến Thành, cho biết rác thải tồn đọng nhiều ngày gây ô nhiễm.",
            "Thiệt hại ban đầu ước tính khoảng 30 triệu đồng, không có thương vong về người.",
            "Chiều nay thời tiết ở Hà Nội có mưa rào và dông, nhiệt độ cao nhất 32 độ C.");

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        List<String> docs = documents(500, 1024);
        double avg = docs.stream().mapToInt(String::length).average().orElse(0);
        EntityExtractor extractor = new EntityExtractor();
        run("warm-up", docs, seconds / 3, d -> extractor.extract(d).size());
        run("baseline: TextNormalizer.normalize", docs, seconds / 3, d -> TextNormalizer.normalize(d).length());
        double rate = run("EntityExtractor.extract", docs, seconds, d -> extractor.extract(d).size());
        System.out.printf(Locale.ROOT, "documents of %.0f chars on average, one thread%n", avg);
        System.out.printf(Locale.ROOT, "entities docs/s=%.0f%n", rate);
    }

    /** Documents of about {@code size} characters, normalised, sentences drawn with a fixed seed. */
    static List<String> documents(int count, int size) {
        Random random = new Random(42);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder doc = new StringBuilder();
            while (doc.length() < size) {
                if (doc.length() > 0) doc.append(random.nextInt(4) == 0 ? "\n" : " ");
                doc.append(SENTENCES.get(random.nextInt(SENTENCES.size())));
            }
            out.add(TextNormalizer.normalize(doc.toString()));
        }
        return out;
    }

    private static double run(String name, List<String> docs, double seconds, java.util.function.ToIntFunction<String> work) {
        long sink = 0, n = 0, start = System.nanoTime(), deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (String d : docs) sink += work.applyAsInt(d);
            n += docs.size();
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "%-36s %10.0f docs/s (checksum %d)%n", name, rate, sink);
        return rate;
    }
}
