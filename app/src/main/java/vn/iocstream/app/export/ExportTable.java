package vn.iocstream.app.export;

import java.util.List;

/**
 * The tables the control room lists and exports: each with its columns, the time column its range filters, and the
 * kind of scope predicate that applies to it (the access module turns a user's scope into one SQL condition per
 * kind of row). Every table here is a ReplacingMergeTree read with {@code FINAL}, so a replayed row counts once.
 */
public enum ExportTable {
    POSTS("Bài viết", "posts", "published_at", ScopeKind.POSTS, List.of(
            Column.time("published_at", "Thời gian đăng"),
            Column.text("source", "Nguồn"),
            Column.text("kind", "Loại"),
            Column.text("title", "Tiêu đề"),
            Column.text("url", "Đường dẫn"),
            Column.text("province", "Tỉnh/thành"),
            Column.text("sentiment", "Sắc thái"),
            Column.number("score", "Điểm sắc thái"),
            Column.text("arrayStringConcat(watchlists, '; ')", "Danh sách theo dõi"),
            Column.text("story_id", "Mã câu chuyện"),
            Column.text("author", "Tác giả"),
            Column.text("id", "Mã bài"))),
    ALERTS("Cảnh báo", "alerts", "created_at", ScopeKind.ALERTS, List.of(
            Column.time("created_at", "Tạo lúc"),
            Column.text("kind", "Loại"),
            Column.text("severity", "Mức độ"),
            Column.text("state", "Trạng thái"),
            Column.text("title", "Tiêu đề"),
            Column.text("province", "Tỉnh/thành"),
            Column.text("commune", "Xã/phường"),
            Column.number("count", "Số lượng"),
            Column.number("baseline", "Mức thường"),
            Column.time("window_start", "Từ"),
            Column.time("window_end", "Đến"),
            Column.text("acknowledged_by", "Người xác nhận"),
            Column.text("id", "Mã cảnh báo"))),
    SECURITY_EVENTS("Sự kiện an ninh mạng", "security_events", "time", ScopeKind.SECURITY, List.of(
            Column.time("time", "Thời gian"),
            Column.text("format", "Nguồn log"),
            Column.text("kind", "Loại"),
            Column.text("src_ip", "IP nguồn"),
            Column.number("src_port", "Cổng nguồn"),
            Column.text("dst_ip", "IP đích"),
            Column.number("dst_port", "Cổng đích"),
            Column.text("user_name", "Tài khoản"),
            Column.text("outcome", "Kết quả"),
            Column.text("signature", "Dấu hiệu"),
            Column.text("severity", "Mức độ"),
            Column.text("raw", "Dòng log"))),
    TRAFFIC("Giao thông theo đoạn đường", "traffic_stats", "bucket_start", ScopeKind.SEGMENTS, List.of(
            Column.time("bucket_start", "Thời gian"),
            Column.text("segment_id", "Đoạn đường"),
            Column.number("avg_speed", "Tốc độ TB (km/h)"),
            Column.number("usual_speed", "Tốc độ thường (km/h)"),
            Column.number("volume", "Lưu lượng"),
            Column.number("anomaly_score", "Điểm bất thường"),
            Column.number("congested", "Ùn tắc"))),
    REPORTS("Phản ánh của người dân", "citizen_reports", "reported_at", ScopeKind.REPORTS, List.of(
            Column.time("reported_at", "Thời gian"),
            Column.text("channel", "Kênh"),
            Column.text("topic", "Chủ đề"),
            Column.text("commune", "Xã/phường"),
            Column.text("province", "Tỉnh/thành"),
            Column.text("text", "Nội dung"),
            Column.text("sentiment", "Sắc thái"),
            Column.text("cluster_id", "Mã cụm"),
            Column.text("id", "Mã phản ánh")));

    /** Which of the access module's per-row-kind predicates a table takes. */
    public enum ScopeKind { POSTS, ALERTS, SECURITY, SEGMENTS, REPORTS }

    private final String title;
    private final String table;
    private final String timeColumn;
    private final ScopeKind scopeKind;
    private final List<Column> columns;

    ExportTable(String title, String table, String timeColumn, ScopeKind scopeKind, List<Column> columns) {
        this.title = title;
        this.table = table;
        this.timeColumn = timeColumn;
        this.scopeKind = scopeKind;
        this.columns = columns;
    }

    public String title() {
        return title;
    }

    public String table() {
        return table;
    }

    public String timeColumn() {
        return timeColumn;
    }

    public ScopeKind scopeKind() {
        return scopeKind;
    }

    public List<Column> columns() {
        return columns;
    }
}
