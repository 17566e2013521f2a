package vn.iocstream.app.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a file holds, written into the file itself (a CSV's first lines, an XLSX's sheet "Thông tin"), so that a
 * spreadsheet passed on by e-mail still says which query, range and scope it came from.
 *
 * @param title     what was exported, e.g. "Bài viết"
 * @param query     the user's query or filter as typed ("" for a whole table)
 * @param from      start of the time range (inclusive)
 * @param to        end of the time range (exclusive)
 * @param scope     whose data: the user's scope in words ("Toàn quốc", "phường Tam Hiệp, Đồng Nai")
 * @param createdAt when the file was made
 */
public record ExportInfo(String title, String query, Instant from, Instant to, String scope, Instant createdAt) {
    /** Times in files are Vietnam time, as the people who read them expect. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    /** Label → value lines, in the order they are written. */
    public List<Map.Entry<String, String>> lines() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("Dữ liệu", title));
        out.add(Map.entry("Truy vấn", query == null || query.isBlank() ? "(toàn bộ)" : query));
        out.add(Map.entry("Từ", TIME.format(from) + " (giờ Việt Nam)"));
        out.add(Map.entry("Đến trước", TIME.format(to) + " (giờ Việt Nam)"));
        out.add(Map.entry("Phạm vi", scope));
        out.add(Map.entry("Xuất lúc", TIME.format(createdAt)));
        return out;
    }
}
