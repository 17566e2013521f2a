package vn.iocstream.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.iocstream.core.text.Html;

/**
 * A local news site serving the {@link DemoNewsroom} scenario the way a provincial outlet's CMS does, so that the
 * real crawler runs against it unchanged: {@code /rss.xml} (RSS 2.0, newest 200 published articles, ETag and
 * 304) and {@code /bai-viet/<slug>.html} (article pages with menus, ads, related links, footer, JSON-LD and a
 * reader comment thread). An article — or comment — becomes visible when the clock reaches its time; before
 * that its page is a 404, as an unpublished draft would be.
 *
 * <p>Usage: {@code try (DemoSite site = DemoSite.start(new DemoNewsroom(now, 42, 5, 15, Duration.ofMinutes(10))
 * .scenario(), Clock.systemUTC())) { crawl site.feedUrl() }} — with {@code crawler.allowedSites=[site.hostPort()]},
 * because the site listens on 127.0.0.1.
 */
public final class DemoSite implements AutoCloseable {
    public static final String SITE_NAME = "Tin Tỉnh Nhà";
    private static final int FEED_SIZE = 200;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(VIETNAM);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(VIETNAM);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VIETNAM);

    private final List<DemoArticle> articles;
    private final Map<String, DemoArticle> bySlug;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();

    private DemoSite(List<DemoArticle> articles, Clock clock) throws IOException {
        this.articles = articles.stream().sorted(Comparator.comparing(DemoArticle::publishedAt)).toList();
        this.bySlug = articles.stream().collect(Collectors.toMap(DemoArticle::slug, Function.identity()));
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-site");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts serving on 127.0.0.1 at a free port. */
    public static DemoSite start(List<DemoArticle> articles, Clock clock) throws IOException {
        DemoSite site = new DemoSite(articles, clock);
        site.server.start();
        return site;
    }

    /** {@code 127.0.0.1:port}: the one site the crawler's SSRF guard is told to let through ({@code crawler.allowedSites}). */
    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + hostPort();
    }

    public String feedUrl() {
        return baseUrl() + "/rss.xml";
    }

    public String articleUrl(DemoArticle article) {
        return baseUrl() + "/bai-viet/" + article.slug() + ".html";
    }

    /** Requests answered so far, 304s and 404s included. */
    public long requests() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            Instant now = clock.instant();
            if (path.equals("/rss.xml")) {
                feed(ex, now);
                return;
            }
            DemoArticle article = path.startsWith("/bai-viet/") && path.endsWith(".html")
                    ? bySlug.get(path.substring("/bai-viet/".length(), path.length() - ".html".length())) : null;
            if (article == null || article.publishedAt().isAfter(now)) {
                send(ex, 404, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                        + "<title>Không tìm thấy trang</title></head><body><h1>404 - Không tìm thấy trang</h1>"
                        + "<p>Bài viết không tồn tại hoặc đã bị gỡ.</p></body></html>");
                return;
            }
            send(ex, 200, "text/html; charset=utf-8", page(article, now));
        }
    }

    private List<DemoArticle> published(Instant now) {
        int end = 0;
        while (end < articles.size() && !articles.get(end).publishedAt().isAfter(now)) end++;
        return articles.subList(Math.max(0, end - FEED_SIZE), end);
    }

    private void feed(HttpExchange ex, Instant now) throws IOException {
        List<DemoArticle> items = published(now);
        // Articles only ever appear, so the count and the newest time identify the feed's content.
        String etag = "\"" + items.size() + "-" + (items.isEmpty() ? 0 : items.get(items.size() - 1).publishedAt().getEpochSecond()) + "\"";
        ex.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n")
                .append("<title>").append(SITE_NAME).append(" - Tin mới nhất</title>\n")
                .append("<link>").append(baseUrl()).append("/</link>\n")
                .append("<description>Tin tức các tỉnh Tây Ninh, Đồng Nai, Đà Nẵng, Ninh Bình</description>\n")
                .append("<language>vi-vn</language>\n");
        if (!items.isEmpty()) xml.append("<lastBuildDate>").append(RFC_1123.format(items.get(items.size() - 1).publishedAt())).append("</lastBuildDate>\n");
        for (int i = items.size() - 1; i >= 0; i--) {
            DemoArticle a = items.get(i);
            xml.append("<item>\n<title>").append(escape(a.title())).append("</title>\n")
                    .append("<link>").append(articleUrl(a)).append("</link>\n")
                    .append("<guid isPermaLink=\"true\">").append(articleUrl(a)).append("</guid>\n")
                    .append("<category>").append(escape(a.section())).append("</category>\n")
                    .append("<description><![CDATA[").append(a.paragraphs().get(0)).append("]]></description>\n")
                    .append("<pubDate>").append(RFC_1123.format(a.publishedAt())).append("</pubDate>\n</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        send(ex, 200, "application/rss+xml; charset=utf-8", xml.toString());
    }

    /** The markup shape of a typical provincial outlet, noise included, so extraction is exercised for real. */
    private String page(DemoArticle a, Instant now) {
        String title = escape(a.title());
        String author = escape(a.author());
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(title).append(" | ").append(SITE_NAME).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(escape(a.paragraphs().get(0))).append("\">\n")
                .append("<meta name=\"author\" content=\"").append(author).append("\">\n")
                .append("<meta property=\"og:type\" content=\"article\">\n")
                .append("<meta property=\"og:title\" content=\"").append(title).append("\">\n")
                .append("<meta property=\"article:section\" content=\"").append(escape(a.section())).append("\">\n")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
                .append("\"headline\":\"").append(jsonEscape(a.title())).append("\",\"datePublished\":\"")
                .append(ISO.format(a.publishedAt())).append("\",\"author\":{\"@type\":\"Person\",\"name\":\"")
                .append(jsonEscape(a.author())).append("\"}}</script>\n")
                .append("<script>var adSlots = [\"top\", \"inread\"];</script>\n</head>\n<body>\n")
                .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").append(SITE_NAME).append("</a>\n")
                .append("<nav class=\"main-menu\"><ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/thoi-su\">Thời sự</a></li>")
                .append("<li><a href=\"/kinh-te\">Kinh tế</a></li><li><a href=\"/giao-thong\">Giao thông</a></li>")
                .append("<li><a href=\"/xa-hoi\">Xã hội</a></li><li><a href=\"/phap-luat\">Pháp luật</a></li></ul></nav></header>\n")
                .append("<div class=\"ads ads-top\"><p>Quảng cáo: Đất nền sổ sẵn, giá chỉ từ 6xx triệu, hỗ trợ vay 70%.</p></div>\n")
                .append("<div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> › <a href=\"#\">").append(escape(a.section()))
                .append("</a> › <span>").append(escape(a.locality())).append("</span></div>\n")
                .append("<main class=\"container\">\n<article class=\"detail\">\n")
                .append("<h1 class=\"detail-title\">").append(title).append("</h1>\n")
                .append("<div class=\"detail-meta\"><span class=\"author\">").append(author).append("</span> - <time datetime=\"")
                .append(ISO.format(a.publishedAt())).append("\">").append(SHOWN.format(a.publishedAt())).append("</time></div>\n")
                .append("<div class=\"detail-content\">\n");
        for (int i = 0; i < a.paragraphs().size(); i++) {
            html.append("<p>").append(escape(a.paragraphs().get(i))).append("</p>\n");
            if (i == 1) html.append("<div class=\"ads ads-inread\"><p>Quảng cáo – Vay tiêu dùng lãi suất 0% trong 30 ngày đầu.</p></div>\n");
        }
        html.append("</div>\n</article>\n<aside class=\"related\"><h3>Tin liên quan</h3><ul>\n");
        published(now).stream().filter(r -> r.section().equals(a.section()) && r != a)
                .sorted(Comparator.comparing(DemoArticle::publishedAt).reversed()).limit(3)
                .forEach(r -> html.append("<li><a href=\"/bai-viet/").append(r.slug()).append(".html\">")
                        .append(escape(r.title())).append("</a></li>\n"));
        html.append("</ul></aside>\n");
        List<DemoComment> visible = a.comments().stream().filter(c -> !c.postedAt().isAfter(now)).toList();
        if (!visible.isEmpty()) {
            html.append("<section class=\"comments\" id=\"binh-luan\"><h3>Bình luận (").append(visible.size()).append(")</h3>\n");
            for (int i = 0; i < visible.size(); i++) {
                DemoComment c = visible.get(i);
                html.append("<div class=\"comment\" data-id=\"").append(i + 1).append("\"><span class=\"comment-author\">")
                        .append(escape(c.author())).append("</span> <time datetime=\"").append(ISO.format(c.postedAt())).append("\">")
                        .append(SHOWN.format(c.postedAt())).append("</time><p class=\"comment-text\">").append(escape(c.text()))
                        .append("</p></div>\n");
            }
            html.append("</section>\n");
        }
        return html.append("</main>\n<footer class=\"site-footer\"><p>").append(SITE_NAME)
                .append(" - trang tin tổng hợp dùng cho bản trình diễn IOC Stream. Nội dung là giả lập.</p>")
                .append("<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>\n</body>\n</html>\n").toString();
    }

    private static String escape(String s) {
        return Html.escape(s);
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
