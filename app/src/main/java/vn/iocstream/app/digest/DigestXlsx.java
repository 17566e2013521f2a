package vn.iocstream.app.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.iocstream.app.export.ExportInfo;
import vn.iocstream.app.export.Exporter;
import vn.iocstream.app.export.XlsxRowWriter;

/**
 * The digest as a workbook: one sheet per section (numbers as numbers, times as date cells in Vietnam time), then
 * sheet "Bài viết" with every post of the day in scope, streamed by the {@link Exporter} exactly as the posts CSV is,
 * and "Thông tin" saying which day and scope they are.
 */
public final class DigestXlsx {
    private final SXSSFWorkbook workbook = XlsxRowWriter.newWorkbook();
    private final CellStyle boldStyle;
    private final CellStyle timeStyle;

    private DigestXlsx() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        boldStyle = workbook.createCellStyle();
        boldStyle.setFont(bold);
        timeStyle = workbook.createCellStyle();
        timeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
    }

    /** @param posts the digest's posts export request (the same one the CSV is written from) */
    public static void write(Digest d, Exporter exporter, Exporter.Request posts, OutputStream out) throws IOException {
        DigestXlsx x = new DigestXlsx();
        try {
            x.sections(d);
            try (XlsxRowWriter writer = new XlsxRowWriter(x.workbook, "Bài viết", "Thông tin")) {
                exporter.export(posts, writer);
            }
            x.workbook.write(out);
            out.flush();
        } finally {
            XlsxRowWriter.finish(x.workbook);
        }
    }

    private void sections(Digest d) {
        Sheet overview = workbook.createSheet("Tổng quan");
        int r = 0;
        put(overview, r++, List.of(DigestText.title(d)), true);
        put(overview, r++, List.of("Tạo lúc", d.createdAt()), false);
        r++;
        put(overview, r++, List.of("Chỉ số", "Trong ngày", "Hôm trước", "TB 7 ngày trước"), true);
        for (Digest.Figure f : d.figures()) put(overview, r++, List.of(f.label() + (f.percent() ? " (%)" : ""), f.day(), f.dayBefore(), f.norm()), false);
        r++;
        put(overview, r++, List.of("Ngày", "Tích cực", "Trung tính", "Tiêu cực", "Tổng"), true);
        for (Digest.DayVolume v : d.days()) {
            put(overview, r++, List.of(v.day().format(DigestText.DAY), v.positive(), v.neutral(), v.negative(), v.total()), false);
        }

        Sheet stories = sheet("Câu chuyện", "Hạng", "Tiêu đề", "Nguồn", "Bài", "Tiêu cực", "Nguồn đầu tiên", "Đăng lần đầu", "Mã câu chuyện");
        r = 1;
        for (Digest.Story s : d.stories()) {
            put(stories, r++, List.of(s.rank(), s.title(), s.outlets(), s.posts(), s.negative(), s.firstOutlet(), s.firstAt(), s.storyId()), false);
        }
        Sheet copies = sheet("Các bản đăng", "Hạng câu chuyện", "Nguồn", "Loại", "Tiêu đề", "Đường dẫn", "Thời gian đăng");
        r = 1;
        for (Digest.Story s : d.stories()) {
            for (Digest.Copy c : s.copies()) put(copies, r++, List.of(s.rank(), c.outlet(), c.kind(), c.title(), c.url(), c.publishedAt()), false);
        }
        Sheet trends = sheet("Chủ đề mới", "Chủ đề", "Loại", "Số bài (đỉnh)", "Điểm", "Bắt đầu");
        r = 1;
        for (Digest.TrendItem t : d.trends()) put(trends, r++, List.of(t.label(), DigestText.keyType(t.keyType()), t.posts(), t.score(), t.firstSeen()), false);
        Sheet pickups = sheet("MXH lên báo", "Nội dung", "Địa bàn", "Số bài", "Lúc");
        r = 1;
        for (Digest.Pickup p : d.pickups()) put(pickups, r++, List.of(p.title(), p.locality(), p.count(), p.at()), false);
        Sheet negative = sheet("Tiêu cực theo địa bàn", "Địa bàn", "Bài tiêu cực", "Câu chuyện", "Tiêu đề tiêu cực nhất");
        r = 1;
        for (Digest.LocalityIssues n : d.negative()) put(negative, r++, List.of(n.locality(), n.posts(), n.stories(), n.topTitle()), false);
        Sheet alerts = sheet("Cảnh báo", "Loại", "Mã loại", "Trạng thái", "Số cảnh báo");
        r = 1;
        for (Digest.AlertCount a : d.alerts()) put(alerts, r++, List.of(DigestText.kind(a.kind()), a.kind(), DigestText.state(a.state()), a.count()), false);
        Sheet sources = sheet("Nguồn tin", "Nguồn", "Tình trạng", "Lấy được lần cuối", "Tin mới lần cuối", "Lỗi liên tiếp");
        r = 1;
        for (Digest.StaleSource s : d.staleSources()) {
            put(sources, r++, java.util.Arrays.asList(s.source(), DigestText.sourceStatus(s.status()), s.lastSuccess(), s.lastNewItem(), s.errors()), false);
        }
    }

    private Sheet sheet(String name, String... headings) {
        Sheet s = workbook.createSheet(name);
        put(s, 0, List.of((Object[]) headings), true);
        s.createFreezePane(0, 1);
        return s;
    }

    private void put(Sheet sheet, int index, List<?> values, boolean bold) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) continue;
            Cell c = row.createCell(i);
            if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (v instanceof Instant t) {
                c.setCellValue(LocalDateTime.ofInstant(t, ExportInfo.ZONE));
                c.setCellStyle(timeStyle);
            } else {
                c.setCellValue(v.toString());
            }
            if (bold) c.setCellStyle(boldStyle);
        }
    }
}
