package vn.iocstream.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.jsoup.Jsoup;
import vn.iocstream.crawlers.ArticleExtractor;

/**
 * Parse + extract throughput of {@link ArticleExtractor} on one thread, for generated ~100 KB Vietnamese news
 * pages, beside Jsoup.parse alone in the same run (the floor any Jsoup extractor stands on).
 *
 * <p>The pages are made here from templates in the shape of provincial outlets' article pages, deterministic for
 * a seed: a head with metadata, JSON-LD and inline scripts, a header with a long menu, breadcrumbs, the story
 * (lead, 12-30 paragraphs, figures with captions, an inline related box, the signature), tags, a sidebar of
 * related and most-read lists, a comment thread and a footer; padding of inline script and menus brings each to
 * about the target size, as real pages carry more markup than text.
 */
public final class CrawlBench {
    /**
     * Pages per second of the baseline and of parse + extract, by the clock and per CPU-second of the measuring
     * thread (on a shared machine the CPU figure is the steadier: time spent waiting for a core is not counted).
     */
    public record Result(int pages, double averageBytes, Rate parseOnly, Rate extract) {}

    public record Rate(double perSecond, double perCpuSecond) {}

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static final String[] PLACES = {"Tây Ninh", "Trảng Bàng", "Gò Dầu", "Hòa Thành", "Tân Châu", "Đồng Nai",
            "Biên Hòa", "Long Khánh", "Đà Nẵng", "Hội An", "Tam Kỳ", "Ninh Bình", "Nam Định", "Tân An", "Bến Lức"};
    private static final String[] SUBJECTS = {"UBND tỉnh", "Sở Giao thông vận tải", "Công an phường", "Ban quản lý dự án",
            "Sở Tài nguyên và Môi trường", "người dân địa phương", "lực lượng chức năng", "Sở Y tế", "Hội Nông dân xã",
            "Trung tâm Giám sát, điều hành thông minh", "Đài Khí tượng thủy văn tỉnh", "Ban an toàn giao thông"};
    private static final String[] ACTIONS = {"đã tổ chức kiểm tra", "kiến nghị tháo gỡ vướng mắc về", "triển khai phương án",
            "ghi nhận phản ánh về", "yêu cầu khắc phục ngay", "đề xuất bổ sung kinh phí cho", "tăng cường tuần tra",
            "hoàn thành giải phóng mặt bằng", "phối hợp xử lý", "công bố kết quả rà soát"};
    private static final String[] OBJECTS = {"tuyến đường tỉnh 782", "tình trạng ngập úng cục bộ", "dự án cầu vượt sông",
            "chợ đầu mối nông sản", "các điểm đen tai nạn giao thông", "giá lúa và mía đường", "hệ thống thoát nước đô thị",
            "khu công nghiệp Phước Đông", "công tác phòng chống sốt xuất huyết", "việc cấp giấy chứng nhận quyền sử dụng đất"};
    private static final String[] TAILS = {"trong tháng tới", "trước mùa mưa bão", "theo kế hoạch đã đề ra",
            "với tổng kinh phí hơn 120 tỷ đồng", "nhằm bảo đảm an toàn cho người dân", "sau nhiều lần người dân phản ánh",
            "trên địa bàn {place}", "từ đầu năm đến nay", "trong đợt cao điểm cuối năm"};

    private CrawlBench() {}

    /**
     * @param seconds measuring time per stage, after a warm-up of both stages (half of it for the parse, all of it for
     *                the extraction)
     * @param pages   distinct pages generated and cycled through
     */
    public static Result run(double seconds, int pages, int targetBytes, long seed) {
        List<String> html = new ArrayList<>();
        Random random = new Random(seed);
        long bytes = 0;
        for (int i = 0; i < pages; i++) {
            String page = page(random, i, targetBytes);
            html.add(page);
            bytes += page.getBytes(StandardCharsets.UTF_8).length;
        }
        ArticleExtractor extractor = new ArticleExtractor();
        ToIntFunction<String> parseOnly = p -> Jsoup.parse(p, url(0)).childNodeSize();
        ToIntFunction<String> extract = p -> extractor.extract(p, url(0)).text().length();
        // Both paths are compiled before either is measured, so neither pays for the other's warm-up; the extractor's
        // many regexes and selectors take the JIT several seconds to settle.
        perSecond(html, seconds / 2, parseOnly);
        perSecond(html, seconds, extract);
        return new Result(pages, (double) bytes / pages, perSecond(html, seconds, parseOnly), perSecond(html, seconds, extract));
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%d generated pages, %.1f KB on average, one thread%n", r.pages(), r.averageBytes() / 1024);
        out.printf(Locale.ROOT, "%-34s %10s %12s %10s%n", "stage", "pages/s", "pages/cpu-s", "ms/page");
        row(out, "Jsoup.parse (baseline)", r.parseOnly());
        row(out, "parse + extract (ArticleExtractor)", r.extract());
        out.printf(Locale.ROOT, "crawl pagesPerSecond=%.0f baseline=%.0f ratio=%.2f pagesPerCpuSecond=%.0f (target 200)%n",
                r.extract().perSecond(), r.parseOnly().perSecond(), r.extract().perSecond() / r.parseOnly().perSecond(),
                r.extract().perCpuSecond());
    }

    private static void row(PrintStream out, String stage, Rate rate) {
        out.printf(Locale.ROOT, "%-34s %10.0f %12.0f %10.2f%n", stage, rate.perSecond(), rate.perCpuSecond(), 1000 / rate.perSecond());
    }

    /** Pages per second of {@code work} over {@code seconds}; the sink defeats dead-code elimination. */
    private static Rate perSecond(List<String> pages, double seconds, ToIntFunction<String> work) {
        long sink = 0;
        long cpu = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int done = 0;
        while (System.nanoTime() < end) sink += work.applyAsInt(pages.get(done++ % pages.size()));
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
        if (sink == 42) System.out.print(""); // keeps the results observable
        return new Rate(done / elapsed, done / cpuSeconds);
    }

    private static String url(int i) {
        return "https://baotayninh.example/bai-viet/tin-" + (190000 + i) + ".html";
    }

    /** One article page of about {@code targetBytes}. */
    static String page(Random r, int i, int targetBytes) {
        String place = pick(r, PLACES);
        String title = capitalise(sentence(r, place, false));
        StringBuilder b = new StringBuilder(targetBytes + 4096);
        b.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append(" | Báo Tây Ninh Online</title>\n<meta name=\"keywords\" content=\"").append(place)
                .append(", giao thông, đô thị\"><meta property=\"og:title\" content=\"").append(title)
                .append("\"><meta property=\"og:image\" content=\"/uploads/2025/10/anh-").append(i).append(".jpg\">\n")
                .append("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"").append(title)
                .append("\",\"datePublished\":\"2025-10-").append(10 + i % 18).append("T0").append(i % 10)
                .append(":15:00+07:00\"}</script>\n");
        b.append("<script>window.dataLayer=window.dataLayer||[];var adsSlots=[\"top\",\"right-1\",\"inread\"];</script>\n");
        b.append("</head><body class=\"page-detail\"><header class=\"site-header\"><a class=\"logo\" href=\"/\">")
                .append("<img src=\"/static/logo.png\" alt=\"Báo Tây Ninh\"></a><nav class=\"main-menu\"><ul>");
        for (String p : PLACES) b.append("<li><a href=\"/dia-phuong/").append(p.length()).append("\">").append(p).append("</a></li>");
        b.append("</ul></nav></header>\n<div class=\"breadcrumb\"><a href=\"/thoi-su\">Thời sự</a> › <a href=\"/dia-phuong\">")
                .append(place).append("</a></div>\n<main class=\"container\"><article class=\"detail\">")
                .append("<h1 class=\"detail-title\">").append(title).append("</h1>")
                .append("<div class=\"detail-meta\"><span class=\"author\">Minh Tâm</span> <span class=\"date\">Thứ Ba, ")
                .append(10 + i % 18).append("/10/2025, 0").append(i % 10).append(":15 (GMT+7)</span></div>")
                .append("<h2 class=\"sapo\">").append(paragraph(r, place, 2)).append("</h2><div class=\"detail-content\">");
        int paragraphs = 12 + r.nextInt(19);
        for (int p = 0; p < paragraphs; p++) {
            b.append("<p>").append(paragraph(r, place, 2 + r.nextInt(4))).append("</p>\n");
            if (p == 3) {
                b.append("<figure class=\"image\"><img src=\"/uploads/2025/10/anh-").append(i).append("-2.jpg\" alt=\"")
                        .append(place).append("\"><figcaption>").append(capitalise(sentence(r, place, false)))
                        .append(". Ảnh: M.T</figcaption></figure>\n");
            }
            if (p == 6) {
                b.append("<div class=\"related related-inline\"><p><strong>Xem thêm:</strong> <a href=\"/bai-viet/")
                        .append(i + 7).append(".html\">").append(capitalise(sentence(r, place, false))).append("</a></p></div>\n");
            }
        }
        b.append("<p><strong>Minh Tâm</strong></p></div><div class=\"tags\"><a href=\"/tag/1\">").append(place)
                .append("</a> <a href=\"/tag/2\">giao thông</a></div></article>\n<aside class=\"sidebar\"><h3>Đọc nhiều</h3><ul>");
        for (int k = 0; k < 12; k++) {
            b.append("<li><a href=\"/bai-viet/").append(i * 31 + k).append(".html\"><img src=\"/thumb/").append(k)
                    .append(".jpg\" alt=\"\">").append(capitalise(sentence(r, pick(r, PLACES), false))).append("</a></li>");
        }
        b.append("</ul></aside></main>\n<section class=\"comments\" id=\"binh-luan\"><h3>Bình luận</h3>");
        for (int k = 0; k < 6; k++) {
            b.append("<div class=\"comment\" data-id=\"").append(88000 + i * 10 + k)
                    .append("\"><span class=\"comment-author\">ban doc ").append(k).append("</span><time datetime=\"2025-10-14T1")
                    .append(k).append(":31:00+07:00\">1").append(k).append(":31 14/10/2025</time><p class=\"comment-text\">")
                    .append(sentence(r, place, false).toLowerCase(Locale.ROOT)).append(" ko bt bao gio moi xong</p></div>");
        }
        b.append("</section>\n<footer class=\"site-footer\"><p>© Báo Tây Ninh Online. Giấy phép số 123/GP-BTTTT.</p>")
                .append("<ul class=\"footer-links\">");
        // Real pages carry far more markup and script than text: menus, tracking and ad code fill the rest.
        int k = 0;
        while (b.length() < targetBytes * 0.86) {
            b.append("<li><a href=\"/chuyen-muc/").append(k).append("\" title=\"").append(pick(r, OBJECTS)).append("\">")
                    .append(pick(r, PLACES)).append("</a></li>");
            if (++k % 40 == 0) {
                b.append("</ul><script>(function(w,d){var s=d.createElement('script');s.async=true;s.src='https://ads.example/")
                        .append(k).append(".js?slot=").append(r.nextInt(1000))
                        .append("';d.head.appendChild(s);w.adq=w.adq||[];w.adq.push({slot:'inread',size:[300,250]});})(window,document);")
                        .append("</script><ul class=\"footer-links\">");
            }
        }
        b.append("</ul></footer></body></html>\n");
        return b.toString();
    }

    private static String paragraph(Random r, String place, int sentences) {
        StringBuilder p = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            if (s > 0) p.append(' ');
            p.append(capitalise(sentence(r, place, true))).append('.');
        }
        return p.toString();
    }

    private static String sentence(Random r, String place, boolean extended) {
        String s = pick(r, SUBJECTS) + " " + pick(r, ACTIONS) + " " + pick(r, OBJECTS) + " " + pick(r, TAILS);
        if (extended && r.nextBoolean()) s += ", " + pick(r, TAILS) + ", " + pick(r, SUBJECTS) + " " + pick(r, ACTIONS) + " " + pick(r, OBJECTS);
        return s.replace("{place}", place);
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
