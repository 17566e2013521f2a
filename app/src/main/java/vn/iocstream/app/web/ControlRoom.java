package vn.iocstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.AlertChannel;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.nlp.QueryException;
import vn.iocstream.nlp.search.PostSearchIndex;
import vn.iocstream.nlp.search.SearchFilters;
import vn.iocstream.nlp.search.SearchTimeoutException;

/**
 * The built-in control room: a page with the live alert list (it polls {@code /api/alerts}), and for each
 * alert the posts behind it, read from ClickHouse, each linking to its source. Listens on 127.0.0.1.
 * It is also the alert channel "control-room": alerts routed to it appear on the page.
 */
public final class ControlRoom implements AlertChannel, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlRoom.class);
    private static final int KEPT_ALERTS = 200;
    private static final int HEADLINE_CHARS = 120;
    private static final Map<String, String> KIND_NAMES = Map.of("press", "báo chí", "social", "mạng xã hội", "comment", "bình luận", "forum", "diễn đàn");
    /** Shown in the province's time; stored in UTC. */
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final HttpServer server;
    private final ClickHouseClient clickHouse;
    private final Supplier<Map<String, Object>> status;
    private final PostSearchIndex search;
    private final Deque<Alert> alerts = new ArrayDeque<>();

    private ControlRoom(HttpServer server, ClickHouseClient clickHouse, Supplier<Map<String, Object>> status,
                        PostSearchIndex search) {
        this.server = server;
        this.clickHouse = clickHouse;
        this.status = status;
        this.search = search;
    }

    /**
     * @param status live counters shown on the page (crawled, stored, alerts, …)
     * @param search the full-text index of posts behind {@code /api/search}
     */
    public static ControlRoom start(int port, ClickHouseClient clickHouse, Supplier<Map<String, Object>> status,
                                    PostSearchIndex search) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        ControlRoom room = new ControlRoom(server, clickHouse, status, search);
        server.createContext("/api/search", room::searchApi);
        server.createContext("/api/alerts", ex -> room.respond(ex, "application/json", Json.string(room.recentAlerts())));
        server.createContext("/api/status", ex -> room.respond(ex, "application/json", Json.string(status.get())));
        server.createContext("/alerts/", room::alertPage);
        server.createContext("/", room::indexPage);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "control-room-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("Control room on {}", room.url());
        return room;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public String name() {
        return "control-room";
    }

    @Override
    public void deliver(Alert alert) {
        synchronized (alerts) {
            alerts.removeIf(a -> a.id().equals(alert.id()));
            alerts.addFirst(alert);
            while (alerts.size() > KEPT_ALERTS) alerts.removeLast();
        }
    }

    public List<Alert> recentAlerts() {
        synchronized (alerts) {
            return new ArrayList<>(alerts);
        }
    }

    /**
     * {@code /api/search?q=…&province=…&kind=…&sentiment=…&watchlist=…&order=newest&page=N}: one page of posts as
     * JSON with highlighted snippets; a malformed query is a 400 whose message names the position.
     */
    private void searchApi(HttpExchange ex) throws IOException {
        Map<String, String> p = queryParameters(ex.getRequestURI().getRawQuery());
        try {
            SearchFilters filters = new SearchFilters(p.get("province"), p.get("kind"), p.get("source"), null, null,
                    p.get("sentiment"), p.get("watchlist"),
                    "newest".equals(p.get("order")) ? SearchFilters.Order.NEWEST : SearchFilters.Order.RELEVANCE);
            int page = Integer.parseInt(p.getOrDefault("page", "1"));
            respond(ex, "application/json", Json.string(search.search(p.get("q"), filters, page)));
        } catch (QueryException | IllegalArgumentException e) {
            respond(ex, 400, "application/json", Json.string(Map.of("error", e.getMessage())));
        } catch (SearchTimeoutException e) {
            ex.getResponseHeaders().set("Retry-After", "5");
            respond(ex, 503, "application/json", Json.string(Map.of("error", e.getMessage())));
        }
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> out = new java.util.HashMap<>();
        if (rawQuery == null) return out;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            String value = java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!value.isBlank()) out.put(pair.substring(0, eq), value);
        }
        return out;
    }

    private void indexPage(HttpExchange ex) throws IOException {
        if (!ex.getRequestURI().getPath().equals("/")) {
            respond(ex, 404, "text/plain; charset=utf-8", "Không tìm thấy trang");
            return;
        }
        try (InputStream in = ControlRoom.class.getResourceAsStream("/web/control-room.html")) {
            respond(ex, "text/html; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** {@code /alerts/<id>}: the alert and the posts it cites, from ClickHouse. */
    private void alertPage(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/alerts/".length());
        Alert alert = recentAlerts().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
        if (alert == null || !id.matches("[0-9a-f]{1,64}")) {
            respond(ex, 404, "text/html; charset=utf-8", page("Không tìm thấy cảnh báo", "<p>Không có cảnh báo " + html(id) + ".</p>"));
            return;
        }
        String ids = alert.postIds().stream().filter(p -> p.matches("[0-9a-f]{1,64}"))
                .map(p -> "'" + p + "'").collect(Collectors.joining(","));
        List<String> rows = ids.isEmpty() ? List.of() : clickHouse.query(
                "SELECT title, text, kind, source, url, toUnixTimestamp(published_at), sentiment FROM posts FINAL WHERE id IN ("
                        + ids + ") ORDER BY published_at",
                rs -> "<tr><td>" + LOCAL_TIME.format(java.time.Instant.ofEpochSecond(rs.getLong(6))) + "</td><td><a href=\""
                        + html(rs.getString(5)) + "\">" + html(headline(rs.getString(1), rs.getString(2))) + "</a></td><td>"
                        + html(KIND_NAMES.getOrDefault(rs.getString(3), rs.getString(3))) + "</td><td>" + html(rs.getString(4))
                        + "</td><td>" + html(rs.getString(7)) + "</td></tr>");
        String body = "<p><a href=\"/\">← Phòng điều hành</a></p>"
                + "<p>" + html(alert.severity()) + " · " + alert.count() + " bài trong cửa sổ "
                + LOCAL_TIME.format(alert.windowStart()) + " – " + LOCAL_TIME.format(alert.windowEnd())
                + " (bình thường ≈ " + String.format("%.2f", alert.baseline()) + ")</p>"
                + "<table><tr><th>Thời gian</th><th>Bài viết</th><th>Loại</th><th>Nguồn</th><th>Sắc thái</th></tr>"
                + String.join("", rows) + "</table>";
        respond(ex, "text/html; charset=utf-8", page(alert.title(), body));
    }

    /** Comments have no title: show the start of their text instead. */
    static String headline(String title, String text) {
        if (title != null && !title.isBlank()) return title;
        String t = text == null ? "" : text.strip();
        return t.length() <= HEADLINE_CHARS ? t : t.substring(0, HEADLINE_CHARS) + "…";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title><link rel=\"icon\" href=\"data:,\"><style>body{font-family:sans-serif;margin:2em}"
                + "td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}</style></head><body><h1>"
                + html(title) + "</h1>" + body + "</body></html>";
    }

    static String html(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void respond(HttpExchange ex, String type, String body) throws IOException {
        respond(ex, 200, type, body);
    }

    private void respond(HttpExchange ex, int code, String type, String body) throws IOException {
        HttpReplies.send(ex, code, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
