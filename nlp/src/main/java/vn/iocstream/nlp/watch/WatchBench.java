package vn.iocstream.nlp.watch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.QueryMatch;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Watchlist matching throughput: generated Vietnamese watchlist queries against generated ~1 KB posts
 * (seeded, so every run sees the same data), on one thread: {@link WatchlistIndex} as shipped (bigram layout,
 * candidate table), beside, in the same run, the baseline of Lucene's own {@link Monitor} with the same queries,
 * analysis and presearcher, and the plain syllable layout. Prints a table; the last line is the headline figure
 * against the Monitor.
 */
public final class WatchBench {
    private WatchBench() {}

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /**
     * One measured configuration: wall-clock and CPU seconds of the matching thread. On a shared machine
     * the CPU figure is the steadier one (time waiting for a core is not counted).
     */
    public record Row(String layout, String matcher, int posts, double seconds, double cpuSeconds, long matches) {
        public double postsPerSecond() {
            return posts / seconds;
        }

        public double postsPerCpuSecond() {
            return posts / cpuSeconds;
        }
    }

    public record Result(int queries, int posts, double averagePostChars, List<Row> rows) {}

    private static final String[] TOPICS = {
        "tai nạn giao thông", "tai nạn lao động", "ngập úng", "triều cường", "sạt lở đất", "lũ quét", "cháy rừng",
        "cháy nhà", "kẹt xe", "ùn tắc giao thông", "giá xăng", "giá điện", "giá vàng", "tham nhũng", "nhận hối lộ",
        "đất đai", "giải phóng mặt bằng", "ô nhiễm môi trường", "khói bụi", "nước sạch", "sốt xuất huyết",
        "ngộ độc thực phẩm", "bệnh viện quá tải", "học phí", "trường học", "bạo lực học đường", "lừa đảo qua mạng",
        "tín dụng đen", "ma túy", "trộm cắp", "nồng độ cồn", "xe quá tải", "cao tốc", "đường sắt", "sân bay",
        "xâm nhập mặn", "hạn hán", "dịch tả lợn châu Phi", "giá lúa", "thất nghiệp", "nợ lương", "bảo hiểm xã hội",
        "dự án treo", "chung cư", "điện mặt trời", "cúp điện", "mất nước", "rác thải", "bão số 3", "áp thấp nhiệt đới",
        "động đất", "đuối nước", "cháy chung cư", "vỡ đê", "thủy điện xả lũ", "khai thác cát trái phép",
        "phá rừng", "buôn lậu", "hàng giả", "thuốc lá điện tử"};

    private static final String[] PLACES = {
        "Hà Nội", "TP Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Long An", "Bình Dương", "Bình Phước", "Cần Thơ",
        "Đà Nẵng", "Quảng Nam", "Huế", "Nghệ An", "Thanh Hóa", "Hải Phòng", "Quảng Ninh", "Lào Cai", "Yên Bái",
        "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Khánh Hòa", "An Giang", "Kiên Giang", "Cà Mau", "Bạc Liêu", "Vĩnh Long",
        "Bến Tre", "Tiền Giang", "Đồng Tháp", "Sóc Trăng", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Phú Thọ",
        "Thái Nguyên", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Biên Hòa", "Thủ Đức", "Trảng Bom", "Long Thành",
        "Củ Chi", "Bến Lức", "Đức Hòa", "Vũng Tàu", "Phan Thiết", "Nha Trang", "Đà Lạt", "Buôn Ma Thuột"};

    private static final String[] PROVINCES = {
        "Hà Nội", "TP Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Đà Nẵng", "Huế", "Nghệ An", "Thanh Hóa",
        "Hải Phòng", "Quảng Ninh", "Lào Cai", "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Khánh Hòa", "An Giang", "Cà Mau",
        "Vĩnh Long", "Đồng Tháp", "Hà Tĩnh", "Quảng Trị", "Phú Thọ", "Thái Nguyên", "Bắc Ninh", "Hưng Yên", "Ninh Bình"};

    private static final String[] SOURCES = {
        "vnexpress.net", "tuoitre.vn", "thanhnien.vn", "dantri.com.vn", "baodongnai.com.vn", "baotayninh.vn",
        "facebook.com", "tiktok.com", "zalo.me", "voz.vn"};

    private static final String[] OPENERS = {
        "Sáng nay", "Chiều qua", "Tối 12/3", "Rạng sáng ngày 5", "Trưa hôm qua", "Khoảng 9 giờ sáng", "Đêm 20/7"};

    private static final String[] EVENTS = {
        "%s xảy ra tại %s khiến nhiều người dân hoang mang", "người dân %s phản ánh tình trạng %s kéo dài nhiều ngày",
        "vụ %s ở %s đang được cơ quan chức năng điều tra làm rõ", "%s tiếp tục diễn biến phức tạp trên địa bàn %s",
        "lãnh đạo UBND %s đã chỉ đạo khắc phục hậu quả do %s gây ra", "%s tại %s làm ảnh hưởng đời sống hàng trăm hộ dân"};

    private static final String[] FILLERS = {
        "Theo thông tin ban đầu, lực lượng chức năng đã có mặt kịp thời để phong tỏa hiện trường và hỗ trợ người dân.",
        "Ông Nguyễn Văn Hùng, Chủ tịch UBND xã, cho biết địa phương đang thống kê thiệt hại để có phương án hỗ trợ.",
        "Nhiều hộ dân phải di dời tài sản lên chỗ cao, các tuyến đường liên xã bị chia cắt trong nhiều giờ.",
        "Sở Giao thông vận tải đã yêu cầu các đơn vị liên quan kiểm tra, rà soát và báo cáo trước ngày 15.",
        "Bà Trần Thị Mai, một người dân sống gần đó, kể lại rằng sự việc diễn ra rất nhanh và không ai kịp trở tay.",
        "Công an tỉnh đã lập biên bản, tạm giữ phương tiện và đang làm việc với các bên liên quan.",
        "Trước đó, nhiều ý kiến trên mạng xã hội cho rằng chính quyền chậm trễ trong việc xử lý vấn đề này.",
        "Đại diện Sở Tài nguyên và Môi trường khẳng định sẽ xử lý nghiêm các trường hợp vi phạm theo quy định.",
        "Các chuyên gia khuyến cáo người dân theo dõi thông tin thời tiết và chủ động phòng tránh.",
        "Hiện vụ việc đang được các cơ quan chức năng tiếp tục điều tra, làm rõ nguyên nhân.",
        "Bệnh viện đa khoa tỉnh đã tiếp nhận và cấp cứu cho các nạn nhân, hiện sức khỏe đã ổn định.",
        "Theo thống kê, từ đầu năm đến nay trên địa bàn đã xảy ra hàng chục vụ việc tương tự."};

    private static final String[] SOCIAL = {
        "ae oi cho minh hoi %s o %s co ai biet gi khong", "troi oi %s o %s nua roi, chan that su",
        "mn tranh duong %s nha, %s dang %s", "sợ quá, %s ở %s mà không ai xử lý"};


    public static Result run(int queryCount, int postCount, long seed) {
        Random random = new Random(seed);
        List<IocConfig.Watchlist> watchlists = queries(queryCount, random);
        List<WatchDocument> posts = new ArrayList<>(postCount);
        long chars = 0;
        for (int i = 0; i < postCount; i++) {
            WatchDocument post = post(random);
            chars += post.text().length();
            posts.add(post);
        }
        List<Row> rows = new ArrayList<>();
        WatchlistIndex index = new WatchlistIndex(watchlists);
        rows.add(measure("syllables+bigrams", "candidate table", posts, index::match));
        try (Monitor monitor = index.monitor()) {
            rows.add(measure("syllables+bigrams", "Lucene Monitor", posts, post -> monitorMatches(monitor, post)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the Monitor's index of queries lives in memory
        }
        rows.add(measure("syllables", "candidate table", posts, new WatchlistIndex(watchlists, false)::match));
        return new Result(watchlists.size(), posts.size(), (double) chars / postCount, rows);
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "watchlist matching: %d queries, %d posts of %.0f chars on average, one thread%n",
                r.queries(), r.posts(), r.averagePostChars());
        out.printf(Locale.ROOT, "%-20s %-16s %10s %10s %12s %12s%n", "layout", "matcher", "seconds", "posts/s",
                "posts/cpu-s", "matches");
        for (Row row : r.rows()) {
            out.printf(Locale.ROOT, "%-20s %-16s %10.2f %10.0f %12.0f %12d%n", row.layout(), row.matcher(), row.seconds(),
                    row.postsPerSecond(), row.postsPerCpuSecond(), row.matches());
        }
        Row headline = r.rows().get(0);
        Row baseline = r.rows().get(1);
        out.printf(Locale.ROOT, "watch postsPerSecond=%.0f baseline=%.0f speedup=%.2f postsPerCpuSecond=%.0f baseline=%.0f%n",
                headline.postsPerSecond(), baseline.postsPerSecond(), headline.postsPerSecond() / baseline.postsPerSecond(),
                headline.postsPerCpuSecond(), baseline.postsPerCpuSecond());
    }

    /** Warms the matcher up on every post twice (the JIT settles late on this much code), then times one pass. */
    private static Row measure(String layout, String matcher, List<WatchDocument> posts, Function<WatchDocument, List<?>> match) {
        for (int round = 0; round < 2; round++) posts.forEach(match::apply);
        long start = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        long matches = 0;
        for (WatchDocument post : posts) matches += match.apply(post).size();
        return new Row(layout, matcher, posts.size(), (System.nanoTime() - start) / 1e9,
                (CPU.getCurrentThreadCpuTime() - cpu) / 1e9, matches);
    }

    private static List<QueryMatch> monitorMatches(Monitor monitor, WatchDocument post) {
        try {
            return List.copyOf(monitor.match(WatchlistIndex.document(post), QueryMatch.SIMPLE_MATCHER).getMatches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queries in the shapes monitoring desks write: topic and place, alternatives, exclusions, filters. */
    static List<IocConfig.Watchlist> queries(int count, Random random) {
        List<IocConfig.Watchlist> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String t1 = pick(TOPICS, random), t2 = pick(TOPICS, random), p = pick(PLACES, random);
            String q = switch (random.nextInt(9)) {
                case 0 -> quote(t1) + " AND " + quote(p);
                case 1 -> "(" + quote(t1) + " OR " + quote(t2) + ") AND locality:" + quote(pick(PROVINCES, random));
                case 2 -> quote(t1) + " NEAR/" + (3 + random.nextInt(8)) + " " + quote(p);
                case 3 -> quote(TextNormalizer.fold(t1)) + " " + quote(TextNormalizer.fold(p));
                case 4 -> quote(t1) + " " + quote(p) + " NOT " + quote(t2);
                case 5 -> "kind:social AND " + quote(t1) + " AND (" + quote(p) + " OR " + quote(pick(PLACES, random)) + ")";
                case 6 -> wildcard(t1) + " AND " + quote(p);
                case 7 -> quote(t1) + " source:" + pick(SOURCES, random);
                default -> "(" + quote(t1) + " OR " + quote(TextNormalizer.fold(t1)) + ") AND (" + quote(p) + " OR "
                        + quote(pick(PLACES, random)) + ")";
            };
            out.add(new IocConfig.Watchlist("w" + i, "Watchlist " + i, q));
        }
        return out;
    }

    /**
     * A post of about 1 KB about one story (a topic at a place, told twice as press do in headline and
     * lead), sometimes with a second topic in passing, padded with press prose that names neither.
     */
    static WatchDocument post(Random random) {
        int kind = random.nextInt(10);
        String topic = pick(TOPICS, random), place = pick(PLACES, random);
        StringBuilder text = new StringBuilder(1_200);
        if (kind >= 7) text.append(String.format(pick(SOCIAL, random), topic, place, pick(TOPICS, random))).append(". ");
        text.append(event(topic, place, random));
        if (random.nextInt(4) == 0) text.append(event(pick(TOPICS, random), place, random));
        while (text.length() < 1_000) {
            text.append(random.nextInt(4) == 0 ? event(topic, place, random) : pick(FILLERS, random) + " ");
        }
        String body = kind >= 7 && random.nextBoolean() ? TextNormalizer.fold(text.toString()) : text.toString();
        return new WatchDocument(TextNormalizer.normalize(body), pick(SOURCES, random),
                kind >= 9 ? "comment" : kind >= 7 ? "social" : "press", pick(PROVINCES, random));
    }

    private static String event(String topic, String place, Random random) {
        String event = pick(EVENTS, random);
        Object[] args = event.startsWith("%s") || event.startsWith("vụ") ? new Object[] {topic, place} : new Object[] {place, topic};
        return pick(OPENERS, random) + ", " + String.format(event, args) + ". ";
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }

    /** "ngập úng" → ngập*; a one-letter first syllable ("ô nhiễm") → "ô nhiễ*". */
    private static String wildcard(String topic) {
        String first = topic.split(" ")[0];
        return first.length() >= 2 ? first + "*" : quote(topic.substring(0, topic.length() - 1) + "*");
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
