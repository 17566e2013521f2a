package vn.iocstream.nlp;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.iocstream.core.config.IocConfig;

/**
 * Throughput of {@link VietnameseAnalyzer#analyze} on generated ~1 KB posts (press articles with old
 * province names, organisations, people, money, dates and roads; social posts without diacritics and
 * with teencode) against 200 generated watchlists, on one thread and on every core (one analyzer per
 * thread), beside a baseline measured in the same run: normalisation and syllable tokenisation only.
 * Seeded, so runs compare. Prints a table; the last line is the headline figure.
 * Run: {@code ./ioc bench nlp [--seconds S]}.
 */
public final class AnalyzeBench {
    private AnalyzeBench() {}

    /** A generated post as the crawler hands it over. */
    public record Post(String text, String kind) {}

    /** One measured configuration: posts per second and words per second over {@code threads} threads. */
    public record Row(String name, int threads, double postsPerSecond, double wordsPerSecond) {}

    public record Result(int posts, int watchlists, double averagePostChars, int cores, Row baseline, Row oneThread,
                         Row allCores) {}


    private static final String[] PROVINCES_OLD = {
        "Bình Dương", "Bình Phước", "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Hậu Giang",
        "Sóc Trăng", "Bạc Liêu", "Kiên Giang", "Quảng Nam", "Quảng Bình", "Kon Tum", "Đắk Nông", "Bình Thuận",
        "Ninh Thuận", "Phú Yên", "Bình Định", "Hà Giang", "Yên Bái", "Bắc Kạn", "Hòa Bình", "Vĩnh Phúc",
        "Hải Dương", "Thái Bình", "Nam Định", "Hà Nam", "Bắc Giang", "Thừa Thiên Huế"};
    private static final String[] PROVINCES = {
        "Hà Nội", "TP.HCM", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Đà Nẵng", "Nghệ An", "Thanh Hóa", "Hải Phòng",
        "Quảng Ninh", "Lào Cai", "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Khánh Hòa", "An Giang", "Cà Mau", "Vĩnh Long",
        "Đồng Tháp", "Hà Tĩnh", "Quảng Trị", "Phú Thọ", "Thái Nguyên", "Bắc Ninh", "Hưng Yên", "Ninh Bình"};
    private static final String[] WARDS = {
        "xã Trảng Bom", "phường Bến Thành", "xã Phước Thiền", "phường Dĩ An", "thị trấn Củ Chi", "xã Long Phước",
        "phường Hòa Khánh", "xã Tân Uyên", "phường Thủ Dầu Một", "xã Đức Hòa"};
    private static final String[] ORGS = {
        "UBND tỉnh %s", "Công an tỉnh %s", "Sở Y tế %s", "Sở Giao thông vận tải %s", "Bộ Công Thương",
        "Bộ Tài nguyên và Môi trường", "Bệnh viện Chợ Rẫy", "Tòa án nhân dân tỉnh %s", "Petrolimex", "EVN",
        "Phòng CSGT Công an tỉnh %s"};
    private static final String[] PEOPLE = {
        "ông Nguyễn Văn Hùng", "bà Trần Thị Mai", "anh Lê Minh Tuấn", "chị Phạm Thị Lan", "ông Võ Thành Nam",
        "bà Huỳnh Ngọc Ánh", "Đại tá Đặng Quốc Khánh", "ông Bùi Đức Thắng", "anh Đỗ Hoàng Long"};
    private static final String[] ROADS = {
        "QL1A", "quốc lộ 51", "ĐT 741", "cao tốc TP.HCM – Trung Lương", "đường Nguyễn Văn Linh", "QL13",
        "cao tốc Long Thành – Dầu Giây", "đường Võ Văn Kiệt", "tỉnh lộ 8"};
    private static final String[] TOPICS = {
        "tai nạn giao thông", "ngập úng", "sạt lở đất", "cháy rừng", "ùn tắc giao thông", "giá xăng", "tham nhũng",
        "ô nhiễm môi trường", "sốt xuất huyết", "ngộ độc thực phẩm", "lừa đảo qua mạng", "tín dụng đen", "ma túy",
        "triều cường", "xâm nhập mặn", "cúp điện", "mất nước", "rác thải", "giải phóng mặt bằng", "học phí"};
    private static final String[] PRESS = {
        "Sáng %DATE%, tại km 1582 %ROAD% đoạn qua %WARD%, tỉnh %OLD%, xe tải biển số 60C-123.45 do %PERSON% (45 tuổi) điều khiển đã tông vào dải phân cách.",
        "%ORG% cho biết đã tạm giữ hai đối tượng liên quan vụ %TOPIC% với số tiền %MONEY%.",
        "Theo %ORG%, từ 7 giờ sáng mai, %ROAD% sẽ được phân luồng để khắc phục tình trạng %TOPIC%.",
        "Người dân có thể phản ánh qua đường dây nóng 0912 345 678 hoặc gọi 113 khi phát hiện %TOPIC%.",
        "Giá xăng RON95 tăng 500 đồng/lít từ 15h ngày %DATE%, theo thông báo của Petrolimex và Bộ Công Thương.",
        "Mưa lớn kéo dài khiến nhiều tuyến đường ở %OLD% và %PROVINCE% ngập sâu, giao thông trên %ROAD% bị chia cắt.",
        "%PERSON%, Giám đốc %ORG%, cho biết tình hình %TOPIC% đang diễn biến phức tạp, các bệnh viện tuyến huyện đã quá tải.",
        "Thiệt hại ban đầu ước tính khoảng %MONEY%, không có thương vong về người.",
        "%ORG% yêu cầu các sở ngành báo cáo kết quả xử lý %TOPIC% trước ngày %DATE%.",
        "%PERSON%, một người dân ở %WARD%, cho biết %TOPIC% kéo dài nhiều ngày khiến cuộc sống rất khó khăn.",
        "Sau sáp nhập, tỉnh %OLD% cũ nay thuộc %PROVINCE%, nhưng người dân vẫn chưa hài lòng với cách xử lý %TOPIC%.",
        "Lực lượng chức năng đã có mặt kịp thời, hỗ trợ người dân di dời tài sản và khắc phục hậu quả."};
    private static final String[] SOCIAL = {
        "ae oi cho minh hoi %TOPIC% o %OLD% co ai biet gi ko", "troi oi %TOPIC% nua roi, chan that su, ko ai xu ly ha",
        "mn tranh duong %ROAD% nha, dang ket xe qua troi luon 😡", "dc cai la cong an %OLD% xu ly nhanh, cam on ae 👍",
        "ko bt dc ai chiu trach nhiem vs vu %TOPIC% nay nua", "ng dan kho qua r, gia xang tang hoai ma luong ko tang",
        "sợ quá, %TOPIC% ở %WARD% mà hok ai xử lý j hết", "nhà mình ở %PROVINCE% đây, tối qua cúp điện 5 tiếng luôn mn ạ",
        "#%TAG% tin nong: %TOPIC% tai %ROAD%, ae chu y nhe", "bài viết hay quá, cảm ơn @baotuoitre đã lên tiếng vì dân",
        "vk ck mình vừa bị lừa 20tr qua mạng, mn cẩn thận nha 😭", "k hiểu sao %ORG% im lặng vậy, dân khổ quá r"};

    /** Posts of about {@code size} characters: seven in ten press articles, the rest social posts. */
    public static List<Post> posts(int count, int size, Random random) {
        List<Post> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean social = random.nextInt(10) >= 7;
            StringBuilder text = new StringBuilder(size + 200);
            while (text.length() < size) {
                if (text.length() > 0) text.append(random.nextInt(5) == 0 ? "\n" : " ");
                text.append(fill(pick(social ? SOCIAL : PRESS, random), random));
                if (social && random.nextBoolean()) text.append('.');
            }
            out.add(new Post(text.toString(), social ? (random.nextBoolean() ? "social" : "comment") : "press"));
        }
        return out;
    }

    private static String fill(String template, Random random) {
        String province = pick(PROVINCES, random);
        return template.replace("%DATE%", (1 + random.nextInt(28)) + "/" + (1 + random.nextInt(12)))
                .replace("%ROAD%", pick(ROADS, random))
                .replace("%WARD%", pick(WARDS, random))
                .replace("%OLD%", pick(PROVINCES_OLD, random))
                .replace("%PROVINCE%", province)
                .replace("%PERSON%", pick(PEOPLE, random))
                .replace("%ORG%", String.format(pick(ORGS, random), province))
                .replace("%TOPIC%", pick(TOPICS, random))
                .replace("%TAG%", TextNormalizer.fold(pick(TOPICS, random)).replace(" ", ""))
                .replace("%MONEY%", (1 + random.nextInt(900)) + (random.nextBoolean() ? " triệu đồng" : ",5 tỷ đồng"));
    }

    /** Watchlists in the shapes monitoring desks write: topic and place, alternatives, exclusions. */
    public static List<IocConfig.Watchlist> watchlists(int count, Random random) {
        List<IocConfig.Watchlist> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String t1 = quote(pick(TOPICS, random)), t2 = quote(pick(TOPICS, random));
            String p = quote(pick(PROVINCES, random)), old = quote(pick(PROVINCES_OLD, random));
            String q = switch (random.nextInt(6)) {
                case 0 -> t1 + " AND " + p;
                case 1 -> "(" + t1 + " OR " + t2 + ") AND (" + p + " OR " + old + ")";
                case 2 -> t1 + " " + old + " NOT " + t2;
                case 3 -> t1 + " NOT (" + quote("diễn tập") + " OR " + quote("tập huấn") + ")";
                case 4 -> quote(pick(ROADS, random)) + " OR " + t1;
                default -> "(" + t1 + " OR " + quote(TextNormalizer.fold(pick(TOPICS, random))) + ") AND NOT " + p;
            };
            out.add(new IocConfig.Watchlist("w" + i, "Watchlist " + i, q));
        }
        return out;
    }

    public static Result run(double seconds, long seed) throws Exception {
        Random random = new Random(seed);
        List<Post> posts = posts(500, 1_024, random);
        List<IocConfig.Watchlist> watchlists = watchlists(200, random);
        double chars = posts.stream().mapToInt(p -> p.text().length()).average().orElse(0);
        int cores = Runtime.getRuntime().availableProcessors();

        VietnameseAnalyzer analyzer = new VietnameseAnalyzer(watchlists);
        measure(posts, seconds / 2, p -> analyzer.analyze(p.text(), p.kind(), "bench").words().size()); // warm-up
        double[] b = measure(posts, seconds / 2, AnalyzeBench::baselineWords);
        Row baseline = new Row("baseline: normalize + Tokenizer.tokens", 1, b[0], b[1]);
        double[] o = measure(posts, seconds, p -> analyzer.analyze(p.text(), p.kind(), "bench").words().size());
        Row one = new Row("VietnameseAnalyzer.analyze", 1, o[0], o[1]);
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int t = 0; t < cores; t++) {
                int offset = t * 37 % posts.size(); // threads start at different posts
                Callable<double[]> task = () -> {
                    VietnameseAnalyzer own = new VietnameseAnalyzer(watchlists);
                    List<Post> rotated = new ArrayList<>(posts.subList(offset, posts.size()));
                    rotated.addAll(posts.subList(0, offset));
                    return measure(rotated, seconds, p -> own.analyze(p.text(), p.kind(), "bench").words().size());
                };
                futures.add(pool.submit(task));
            }
            double postsPerSecond = 0, wordsPerSecond = 0;
            for (Future<double[]> f : futures) {
                double[] r = f.get();
                postsPerSecond += r[0];
                wordsPerSecond += r[1];
            }
            Row all = new Row("VietnameseAnalyzer.analyze", cores, postsPerSecond, wordsPerSecond);
            return new Result(posts.size(), watchlists.size(), chars, cores, baseline, one, all);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int baselineWords(Post p) {
        String normalized = "press".equals(p.kind()) ? TextNormalizer.normalize(p.text()) : TextNormalizer.normalizeSocial(p.text());
        int words = 0;
        for (Token t : Tokenizer.tokens(normalized)) if (t.type() != Token.Type.PUNCT) words++;
        return words;
    }

    /** Posts per second and words per second of {@code work} (which returns a post's word count). */
    private static double[] measure(List<Post> posts, double seconds, java.util.function.ToIntFunction<Post> work) {
        long words = 0, n = 0, start = System.nanoTime(), deadline = start + (long) (seconds * 1e9);
        do {
            for (Post p : posts) words += work.applyAsInt(p);
            n += posts.size();
        } while (System.nanoTime() < deadline);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new double[] {n / elapsed, words / elapsed};
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "analyze(): %d posts of %.0f chars on average (70%% press, 30%% social), %d watchlists, %d cores%n",
                r.posts(), r.averagePostChars(), r.watchlists(), r.cores());
        out.printf(Locale.ROOT, "%-40s %8s %12s %12s%n", "what", "threads", "posts/s", "words/s");
        for (Row row : List.of(r.baseline(), r.oneThread(), r.allCores())) {
            out.printf(Locale.ROOT, "%-40s %8d %12.0f %12.0f%n", row.name(), row.threads(), row.postsPerSecond(),
                    row.wordsPerSecond());
        }
        out.printf(Locale.ROOT, "nlp analyze postsPerSecond1=%.0f postsPerSecondAll=%.0f baseline=%.0f%n",
                r.oneThread().postsPerSecond(), r.allCores().postsPerSecond(), r.baseline().postsPerSecond());
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
