package vn.iocstream.app.digest;

import java.util.List;
import vn.iocstream.core.text.Html;

/**
 * The digest as one self-contained HTML page with inline styles, which is also the body of the digest e-mail (mail
 * readers drop style sheets and scripts, and many block images, so the volume chart is drawn with table cells).
 * Crawled text is never trusted: every value is escaped, and only http(s) addresses become links.
 */
public final class DigestHtml {
    private static final String CELL = " style=\"padding:4px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top\"";
    private static final String NUM = " style=\"padding:4px 8px;border-bottom:1px solid #ddd;text-align:right\"";

    private DigestHtml() {}

    public static String render(Digest d) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").append(esc(DigestText.title(d)))
                .append("</title></head><body style=\"font-family:'DejaVu Sans',Arial,sans-serif;color:#222;max-width:860px;margin:0 auto\">");
        h.append("<h1 style=\"font-size:22px\">").append(esc(DigestText.title(d))).append("</h1>");
        h.append("<p style=\"color:#666\">Tạo lúc ").append(DigestText.STAMP.format(d.createdAt()))
                .append(" (giờ Việt Nam) · IOC Stream</p>");

        section(h, "Số liệu chính");
        h.append("<table style=\"border-collapse:collapse\"><tr>").append(th("Chỉ số")).append(th("Trong ngày"))
                .append(th("So với hôm trước")).append(th("So với TB 7 ngày")).append("</tr>");
        for (Digest.Figure f : d.figures()) {
            h.append("<tr><td").append(CELL).append('>').append(esc(f.label())).append("</td>")
                    .append(num(DigestText.number(f.day(), f.percent())))
                    .append(num(DigestText.change(f.day(), f.dayBefore(), f.percent())))
                    .append(num(DigestText.change(f.day(), f.norm(), f.percent()))).append("</tr>");
        }
        h.append("</table>");

        section(h, "Bài viết mỗi ngày");
        long max = Math.max(1, d.days().stream().mapToLong(Digest.DayVolume::total).max().orElse(1));
        h.append("<table style=\"border-collapse:collapse;width:100%\">");
        for (Digest.DayVolume v : d.days()) {
            h.append("<tr><td style=\"width:60px;padding:2px 8px\">").append(v.day().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM")))
                    .append("</td><td style=\"padding:2px 0\"><table style=\"border-collapse:collapse\"><tr>")
                    .append(bar(v.positive(), max, "#2E7D32")).append(bar(v.neutral(), max, "#9E9E9E")).append(bar(v.negative(), max, "#C62828"))
                    .append("</tr></table></td><td style=\"width:150px;padding:2px 8px;text-align:right\">").append(v.total())
                    .append(" bài · ").append(v.negative()).append(" tiêu cực</td></tr>");
        }
        h.append("</table>");

        section(h, "Câu chuyện nổi bật (" + d.stories().size() + " trong " + d.storyCount() + " câu chuyện)");
        if (d.stories().isEmpty()) h.append("<p>Không có bài viết trong ngày.</p>");
        for (Digest.Story s : d.stories()) {
            h.append("<div style=\"margin:10px 0\"><div style=\"font-weight:bold\">").append(s.rank()).append(". ")
                    .append(link(s.title(), s.copies().isEmpty() ? "" : s.copies().get(0).url())).append("</div>")
                    .append("<div style=\"color:#555;font-size:13px\">").append(esc(DigestText.storyLine(s))).append("</div>");
            if (s.copies().size() > 1) {
                h.append("<ul style=\"margin:4px 0;font-size:13px\">");
                for (Digest.Copy c : s.copies()) {
                    h.append("<li>").append(esc(c.outlet())).append(" — ").append(link(c.title(), c.url()))
                            .append(" <span style=\"color:#777\">").append(DigestText.time(c.publishedAt())).append("</span></li>");
                }
                h.append("</ul>");
            }
            h.append("</div>");
        }

        section(h, "Chủ đề mới nổi");
        table(h, List.of("Chủ đề", "Loại", "Số bài (đỉnh)", "Điểm", "Bắt đầu"), d.trends().stream().map(t -> List.of(
                t.label(), DigestText.keyType(t.keyType()), Long.toString(t.posts()), DigestText.number(t.score(), false),
                DigestText.time(t.firstSeen()))).toList(), "Không có chủ đề mới.");

        section(h, "Từ mạng xã hội lên báo chí");
        table(h, List.of("Nội dung", "Địa bàn", "Số bài", "Lúc"), d.pickups().stream().map(p -> List.of(
                p.title(), p.locality(), Long.toString(p.count()), DigestText.time(p.at()))).toList(), "Không có.");

        section(h, "Vấn đề tiêu cực theo địa bàn");
        table(h, List.of("Địa bàn", "Bài tiêu cực", "Câu chuyện", "Tiêu đề tiêu cực nhất"), d.negative().stream().map(n -> List.of(
                n.locality(), Long.toString(n.posts()), Long.toString(n.stories()), n.topTitle())).toList(), "Không có bài tiêu cực.");

        section(h, "Cảnh báo trong ngày");
        table(h, List.of("Loại", "Trạng thái", "Số cảnh báo"), d.alerts().stream().map(a -> List.of(
                DigestText.kind(a.kind()), DigestText.state(a.state()), Long.toString(a.count()))).toList(), "Không có cảnh báo.");

        section(h, "Nguồn tin có vấn đề");
        table(h, List.of("Nguồn", "Tình trạng", "Lấy được lần cuối", "Tin mới lần cuối", "Lỗi liên tiếp"), d.staleSources().stream()
                .map(s -> List.of(s.source(), DigestText.sourceStatus(s.status()), DigestText.time(s.lastSuccess()),
                        DigestText.time(s.lastNewItem()), Long.toString(s.errors()))).toList(), "Mọi nguồn đều cập nhật bình thường.");

        section(h, "Phụ lục: đường dẫn");
        h.append("<ol style=\"font-size:12px\">");
        for (Digest.Link l : d.links()) {
            h.append("<li>").append(esc(l.outlet())).append(" — ").append(link(l.title(), l.url())).append("<br><span style=\"color:#777\">")
                    .append(esc(l.url())).append("</span></li>");
        }
        return h.append("</ol></body></html>").toString();
    }

    private static void section(StringBuilder h, String title) {
        h.append("<h2 style=\"font-size:17px;border-bottom:2px solid #1565C0;padding-bottom:2px;margin-top:24px\">")
                .append(esc(title)).append("</h2>");
    }

    private static void table(StringBuilder h, List<String> headings, List<List<String>> rows, String empty) {
        if (rows.isEmpty()) {
            h.append("<p>").append(esc(empty)).append("</p>");
            return;
        }
        h.append("<table style=\"border-collapse:collapse;width:100%;font-size:13px\"><tr>");
        for (String heading : headings) h.append(th(heading));
        h.append("</tr>");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (String cell : row) h.append("<td").append(CELL).append('>').append(esc(cell)).append("</td>");
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String th(String s) {
        return "<th" + CELL + ">" + esc(s) + "</th>";
    }

    private static String num(String s) {
        return "<td" + NUM + ">" + esc(s) + "</td>";
    }

    private static String bar(long n, long max, String colour) {
        if (n == 0) return "";
        return "<td style=\"background:" + colour + ";height:14px;width:" + Math.max(1, 500 * n / max) + "px\"></td>";
    }

    private static String link(String text, String url) {
        String label = esc(text.isEmpty() ? url : text);
        if (!(url.startsWith("https://") || url.startsWith("http://"))) return label;
        return "<a href=\"" + esc(url) + "\" style=\"color:#1565C0\">" + label + "</a>";
    }

    static String esc(String s) {
        return Html.escape(s);
    }
}
