package vn.iocstream.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import vn.iocstream.core.model.CitizenReport;

/**
 * Citizen reports as a provincial IOC receives them: hotline 1022 tickets typed by operators and messages
 * from the citizen app, in Vietnamese with diacritics, without them, or in teencode, about traffic jams,
 * crashes, flooding, public disorder, fires and pollution, located by commune/ward with the province under
 * its current or its pre-2025 name, or by GPS position only. Same seed, same reports.
 *
 * <p>Why this shape: clustering must join reports that spell one ward three ways ("phường Tam Hiệp",
 * "phuong tam hiep", "P. Tam Hiệp, TP Biên Hòa") and must not join background reports that share a topic
 * but not a place; the background is sparse enough (a few per hour per ward and topic at most) that it never
 * forms a cluster by itself.
 */
public final class ReportGenerator {
    /** A ward or commune as citizens write it: variants of its name, and of its province (old names too). */
    public record Ward(List<String> names, List<String> provinces, double lat, double lon) {}

    /** Several reports about one issue in one ward, {@code spacing} apart from {@code start}. */
    public record Cluster(Ward ward, String topic, Instant start, int reports, Duration spacing) {}

    public static final Ward TAM_HIEP = new Ward(List.of("phường Tam Hiệp", "phuong Tam Hiep", "P. Tam Hiệp, TP Biên Hòa"),
            List.of("Đồng Nai", "Dong Nai", "dong nai"), 10.9385, 106.8584);
    public static final List<Ward> WARDS = List.of(TAM_HIEP,
            new Ward(List.of("phường Đồng Xoài", "phuong Dong Xoai"), List.of("Bình Phước", "Đồng Nai", "binh phuoc"), 11.5349, 106.8833),
            new Ward(List.of("phường Long Khánh", "p. Long Khanh"), List.of("Đồng Nai", "dong nai"), 10.9311, 107.2459),
            new Ward(List.of("xã Trảng Bom", "xa Trang Bom"), List.of("Đồng Nai"), 10.9517, 107.0064),
            new Ward(List.of("phường Tân An", "phuong Tan An"), List.of("Long An", "Tây Ninh"), 10.5359, 106.4137),
            new Ward(List.of("xã Gò Dầu", "xa Go Dau"), List.of("Tây Ninh", "tay ninh"), 11.0856, 106.2688),
            new Ward(List.of("phường Tam Kỳ", "phuong Tam Ky"), List.of("Quảng Nam", "Đà Nẵng"), 15.5736, 108.4740),
            new Ward(List.of("phường Hội An", "P. Hoi An"), List.of("Quảng Nam", "Đà Nẵng"), 15.8801, 108.3380),
            new Ward(List.of("xã Hải Hậu", "xa Hai Hau"), List.of("Nam Định", "Ninh Bình"), 20.1547, 106.2835),
            new Ward(List.of("phường Thủ Đức", "phuong Thu Duc"), List.of("TP Hồ Chí Minh", "TP.HCM", "tphcm"), 10.8494, 106.7537));

    /** Category labels as the app and the operators send them, per topic (the blank is "not chosen"). */
    private static final List<List<String>> CATEGORIES = List.of(
            List.of("un-tac", "Ùn tắc giao thông", "un tac", ""),
            List.of("tai-nan", "Tai nạn giao thông", "tai nan", "Khác"),
            List.of("ngap-nuoc", "Ngập nước", "ngap nuoc", ""),
            List.of("mat-trat-tu", "Mất trật tự", "an ninh trat tu", "Khác"),
            List.of("chay", "Cháy nổ", "chay", ""),
            List.of("moi-truong", "Môi trường", "o nhiem", "Khác"));

    /** Texts per topic; {noi} is the ward as written. Each topic's texts carry its key words, accented or not. */
    private static final List<List<String>> TEXTS = List.of(
            List.of("Kẹt xe cứng ngã tư gần {noi}, xe đứng im hơn 20 phút",
                    "ket xe qua troi o {noi}, ko nhuc nhich dc, nho csgt ra phan luong",
                    "Đường qua {noi} ùn tắc kéo dài từ chiều, đề nghị điều tiết giao thông",
                    "tac duong tu cau ra toi {noi}, di 1km mat 30p"),
            List.of("Xe tải va chạm xe máy trước chợ {noi}, có người bị thương",
                    "tai nan o {noi}, 2 xe may dung nhau, can xe cuu thuong gap",
                    "Ô tô tông dải phân cách đoạn qua {noi}, xe nằm chắn đường"),
            List.of("Mưa lớn, đường trước trường học ở {noi} ngập sâu gần nửa mét, xe chết máy hàng loạt",
                    "ngap nuoc ngang goi o {noi}, nc tran vao nha dan r",
                    "Hẻm 12 {noi} ngập nước sau mưa, cống thoát nước bị nghẹt",
                    "khu pho em o {noi} ngap sau qua, xe may ko di dc, mong p xu ly cong thoat nuoc",
                    "Triều cường kết hợp mưa làm nhiều tuyến đường {noi} ngập, người dân phải lội nước"),
            List.of("Nhóm thanh niên tụ tập đua xe, nẹt pô trong đêm ở {noi}",
                    "hat karaoke den 12h dem o {noi}, bao nhieu lan roi ko ai xu ly",
                    "Hai nhóm đánh nhau trước quán nhậu ở {noi}, có hung khí"),
            List.of("Cháy nhà dân ở {noi}, khói đen bốc cao, cần xe chữa cháy",
                    "bai co chay lan gan khu dan cu {noi}, khoi mu mit",
                    "Phát hiện khói đen bốc cháy trong xưởng gỗ ở {noi}"),
            List.of("Bãi rác tự phát bốc mùi hôi thối cạnh kênh ở {noi}",
                    "nha may xa thai ra kenh o {noi}, ca chet noi trang",
                    "Khói bụi từ lò đốt rác làm ô nhiễm không khí khu dân cư {noi}"));

    private final long seed;

    public ReportGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Background reports in [from, to), about one every {@code meanGap}, plus the injected clusters, ordered by
     * time. Ids are stable: the same call returns the same reports.
     */
    public List<CitizenReport> reports(Instant from, Instant to, Duration meanGap, List<Cluster> clusters) {
        Random random = new Random(seed);
        List<CitizenReport> out = new ArrayList<>();
        int n = 0;
        for (Instant t = from.plusMillis(gap(random, meanGap)); t.isBefore(to); t = t.plusMillis(gap(random, meanGap))) {
            out.add(report(random, "bg" + n++, t, WARDS.get(random.nextInt(WARDS.size())), random.nextInt(TEXTS.size()), true));
        }
        for (int c = 0; c < clusters.size(); c++) {
            Cluster cluster = clusters.get(c);
            int topic = topicIndex(cluster.topic());
            for (int i = 0; i < cluster.reports(); i++) {
                Instant at = cluster.start().plus(cluster.spacing().multipliedBy(i));
                if (!at.isBefore(from) && at.isBefore(to)) out.add(report(random, "c" + c + "-" + i, at, cluster.ward(), topic, false));
            }
        }
        out.sort(Comparator.comparing(CitizenReport::time).thenComparing(CitizenReport::id));
        return out;
    }

    /** @param gpsAllowed false for cluster members, which must all name their ward to meet */
    private CitizenReport report(Random random, String serial, Instant at, Ward ward, int topic, boolean gpsAllowed) {
        boolean hotline = random.nextDouble() < 0.6;
        String name = ward.names().get(random.nextInt(ward.names().size()));
        List<String> texts = TEXTS.get(topic);
        String text = texts.get(random.nextInt(texts.size())).replace("{noi}", name);
        List<String> labels = CATEGORIES.get(topic);
        String category = labels.get(1 + random.nextInt(labels.size() - 1));
        // A fifth of the app's messages carry only the phone's position, as when the citizen skips the address form.
        CitizenReport.Location location = gpsAllowed && !hotline && random.nextDouble() < 0.2
                ? new CitizenReport.Location(null, null, ward.lat() + random.nextDouble() * 0.004, ward.lon() + random.nextDouble() * 0.004)
                : new CitizenReport.Location(name, ward.provinces().get(random.nextInt(ward.provinces().size())), null, null);
        // Time in the id: background of two calls over disjoint spans never collides.
        String id = (hotline ? "1022-" : "app-") + seed + "-" + at.getEpochSecond() + "-" + serial;
        return new CitizenReport(id, at, hotline ? "hotline-1022" : "app", category, text, location);
    }

    private static int topicIndex(String topic) {
        for (int i = 0; i < CATEGORIES.size(); i++) if (CATEGORIES.get(i).get(0).equals(topic)) return i;
        throw new IllegalArgumentException("unknown topic " + topic);
    }

    private static long gap(Random random, Duration mean) {
        return (long) (-Math.log(1 - random.nextDouble()) * mean.toMillis()); // Poisson arrivals
    }
}
