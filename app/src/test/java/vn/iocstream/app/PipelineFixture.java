package vn.iocstream.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.app.demo.DemoArticle;
import vn.iocstream.app.demo.DemoComment;

/**
 * A small, hand-written news day for the end-to-end test: a quiet hour in which a traffic accident is
 * reported once every ten minutes among other topics, then a burst of eight articles about one accident in
 * one minute, with a no-diacritics comment in the same minute. Named instants make the expectations exact.
 */
final class PipelineFixture {
    /** 09:00 in Vietnam. */
    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    /** The minute of the burst: every burst article and the angry comment fall inside it. */
    static final Instant BURST_MINUTE = T0.plus(Duration.ofMinutes(2));
    static final String WATCHLIST = "tai-nan-giao-thong";
    /** Posts of the watchlist in the burst minute: eight articles and one comment without diacritics. */
    static final long BURST_MINUTE_POSTS = 9;

    private PipelineFixture() {}

    static List<DemoArticle> articles() {
        List<DemoArticle> articles = new ArrayList<>();
        String[][] baseline = {
                {"Va chạm giữa xe tải và xe máy trên QL22, một người bị thương",
                        "Vụ tai nạn giao thông xảy ra lúc 7 giờ sáng tại xã Trảng Bàng, tỉnh Tây Ninh."},
                {"Xe khách lật trên đèo Bảo Lộc, hành khách được giải cứu",
                        "Lực lượng chức năng Lâm Đồng đã có mặt xử lý vụ tai nạn giao thông."},
                {"Tai nạn giao thông liên hoàn trên cao tốc TP.HCM – Trung Lương",
                        "Bốn ô tô va chạm liên hoàn khiến cao tốc ùn tắc gần 3 km."},
                {"Ô tô tông dải phân cách ở Long An, tài xế nhập viện",
                        "Theo Công an tỉnh Long An (nay là Tây Ninh), vụ tai nạn giao thông không gây thương vong."},
                {"Xe container mất lái trên QL51 đoạn qua Bà Rịa – Vũng Tàu",
                        "Vụ tai nạn giao thông làm hư hỏng nặng hai ô tô con."},
                {"Hai xe máy đối đầu trong đêm ở Nam Định, hai thanh niên bị thương",
                        "Công an huyện đang điều tra nguyên nhân vụ tai nạn giao thông."}};
        String[][] other = {
                {"Giá xăng giảm nhẹ từ 15 giờ chiều nay", "Liên bộ Công Thương – Tài chính vừa điều chỉnh giá bán lẻ."},
                {"Mưa lớn gây ngập nhiều tuyến phố ở Biên Hòa", "Nhiều tuyến đường ngập sâu 40 cm, người dân vất vả."},
                {"Đồng Nai đẩy nhanh giải phóng mặt bằng sân bay Long Thành", "Tỉnh cam kết bàn giao đất đúng hạn."},
                {"Học phí năm học mới tại Đà Nẵng giữ ổn định", "Sở Giáo dục và Đào tạo cho biết học phí không tăng."},
                {"Bệnh viện tỉnh Tây Ninh đưa vào dùng hệ thống đặt lịch khám trực tuyến", "Người bệnh hài lòng vì không phải chờ lâu."},
                {"Triều cường dâng cao ở Cần Thơ", "Nhiều hộ dân phải kê cao đồ đạc."},
                {"Bình Phước khánh thành cầu mới qua sông Bé", "Cây cầu giúp người dân đi lại thuận tiện hơn."},
                {"Quảng Nam tổ chức lễ hội du lịch biển Hội An", "Hàng nghìn du khách tham gia lễ hội."}};
        for (int i = 0; i < baseline.length; i++) {
            Instant at = T0.minus(Duration.ofMinutes(60 - 10L * i));
            articles.add(article("tai-nan-" + i, baseline[i][0], at, List.of(baseline[i][1]), List.of()));
        }
        for (int i = 0; i < other.length; i++) {
            Instant at = T0.minus(Duration.ofMinutes(55 - 7L * i));
            articles.add(article("tin-" + i, other[i][0], at, List.of(other[i][1]), List.of()));
        }
        String[] burst = {
                "Tai nạn giao thông nghiêm trọng trên QL14 đoạn qua Đồng Xoài, 3 người thương vong",
                "Hiện trường vụ tai nạn giao thông kinh hoàng ở Bình Phước cũ",
                "Công an tỉnh Đồng Nai thông tin ban đầu về vụ tai nạn giao thông trên QL14",
                "Tai nạn giao thông trên QL14: xe tải tông hàng loạt xe máy chờ đèn đỏ",
                "Nạn nhân vụ tai nạn giao thông ở Đồng Xoài được chuyển lên TP.HCM cấp cứu",
                "QL14 ùn tắc nhiều km sau vụ tai nạn giao thông",
                "Tài xế xe tải gây tai nạn giao thông ở Đồng Xoài dương tính với ma túy",
                "Lãnh đạo tỉnh thăm hỏi gia đình các nạn nhân vụ tai nạn giao thông"};
        for (int i = 0; i < burst.length; i++) {
            Instant at = BURST_MINUTE.plusSeconds(5L * i);
            List<DemoComment> comments = i == 0
                    ? List.of(new DemoComment("Minh Tuấn", "tai nan giao thong kinh khung qua, ko bt ai chiu trach nhiem", BURST_MINUTE.plusSeconds(50)),
                              new DemoComment("Lan Anh", "Cầu mong các nạn nhân sớm bình phục.", T0.plus(Duration.ofMinutes(4))))
                    : List.of();
            articles.add(article("qua-14-" + i, burst[i], at,
                    List.of("Khoảng 7 giờ sáng, trên QL14 đoạn qua phường Đồng Xoài, tỉnh Đồng Nai (trước đây là tỉnh Bình Phước), "
                            + "một xe tải mất lái đã tông vào nhiều xe máy đang dừng chờ đèn đỏ.",
                            "Vụ tai nạn giao thông làm 1 người tử vong tại chỗ và 2 người bị thương nặng."), comments));
        }
        articles.add(article("sau-1", "Giá điện sinh hoạt sẽ được điều chỉnh theo quý", T0.plus(Duration.ofMinutes(6)),
                List.of("Bộ Công Thương đang lấy ý kiến dự thảo."), List.of()));
        articles.add(article("sau-2", "Tây Ninh công bố kết quả kỳ thi học sinh giỏi", T0.plus(Duration.ofMinutes(8)),
                List.of("Kết quả năm nay cao hơn năm trước."), List.of()));
        return articles;
    }

    static long commentCount() {
        return articles().stream().mapToLong(a -> a.comments().size()).sum();
    }

    private static DemoArticle article(String slug, String title, Instant at, List<String> paragraphs, List<DemoComment> comments) {
        return new DemoArticle(slug, "thoi-su", title, "Phóng viên Báo Tin Tức", at, paragraphs, comments, "Tây Ninh");
    }
}
