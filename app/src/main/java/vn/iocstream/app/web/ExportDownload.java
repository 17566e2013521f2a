package vn.iocstream.app.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.iocstream.app.access.Role;
import vn.iocstream.app.export.ExportInfo;
import vn.iocstream.app.export.ExportTable;

/**
 * What {@code GET /api/export/{what}} offers: the lists of the control room by the name in the path, the screen a
 * role needs for each (none: every signed-in user, as for the list itself), and the file's name and type.
 */
enum ExportDownload {
    POSTS("posts", ExportTable.POSTS, null, "bai-viet"),
    SEARCH("search", ExportTable.POSTS, Role.Screen.SEARCH, "tim-kiem"),
    ALERTS("alerts", ExportTable.ALERTS, null, "canh-bao"),
    SECURITY("security", ExportTable.SECURITY_EVENTS, Role.Screen.SECURITY, "su-kien-attt"),
    TRAFFIC("traffic", ExportTable.TRAFFIC, Role.Screen.TRAFFIC, "giao-thong"),
    REPORTS("reports", ExportTable.REPORTS, Role.Screen.TRAFFIC, "phan-anh");

    /** Rows in one file at most: more than a screen ever lists, well within a workbook's limit. */
    static final long MAX_ROWS = 100_000;
    private static final Map<String, String> TYPES = Map.of("csv", "text/csv; charset=utf-8",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    final String path;
    final ExportTable table;
    final Role.Screen screen;
    private final String fileStem;

    ExportDownload(String path, ExportTable table, Role.Screen screen, String fileStem) {
        this.path = path;
        this.table = table;
        this.screen = screen;
        this.fileStem = fileStem;
    }

    static ExportDownload of(String path) {
        for (ExportDownload d : values()) if (d.path.equals(path)) return d;
        return null;
    }

    /** {@code csv} or {@code xlsx}; null for anything else. */
    static String format(String written) {
        String f = written == null || written.isBlank() ? "csv" : written.strip().toLowerCase(Locale.ROOT);
        return TYPES.containsKey(f) ? f : null;
    }

    static String contentType(String format) {
        return TYPES.get(format);
    }

    /** {@code bai-viet-2026-11-13-2026-11-20.csv}: ASCII, so every browser keeps it. */
    String fileName(Instant from, Instant to, String format) {
        return fileStem + "-" + LocalDate.ofInstant(from, ExportInfo.ZONE) + "-" + LocalDate.ofInstant(to, ExportInfo.ZONE) + "." + format;
    }

    /** The filters as written in the request, for the file's "Truy vấn" line. */
    static String describe(Map<String, List<String>> query, List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            List<String> v = query.get(n);
            if (v == null || v.isEmpty() || v.get(0).isBlank()) continue;
            if (!out.isEmpty()) out.append("; ");
            out.append(n).append('=').append(v.get(0).strip());
        }
        return out.toString();
    }
}
