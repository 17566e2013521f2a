package vn.iocstream.app.digest;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The digest as an A4 PDF (OpenPDF) with DejaVu Sans embedded, so Vietnamese reads the same on every reader and its
 * text can be searched and copied; the two charts are PNG images drawn on the server ({@link DigestCharts}).
 */
public final class DigestPdf {
    private static final Color RULE = new Color(0x15, 0x65, 0xC0);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);

    private final Font title;
    private final Font heading;
    private final Font body;
    private final Font bold;
    private final Font small;
    private final Font link;

    private DigestPdf() {
        try {
            BaseFont regular = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    DigestFonts.bytes(DigestFonts.REGULAR), null);
            BaseFont strong = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    DigestFonts.bytes(DigestFonts.BOLD), null);
            title = new Font(strong, 17);
            heading = new Font(strong, 12.5f, Font.NORMAL, RULE);
            body = new Font(regular, 9.5f);
            bold = new Font(strong, 10);
            small = new Font(regular, 8, Font.NORMAL, MUTED);
            link = new Font(regular, 8.5f, Font.NORMAL, RULE);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("cannot load the PDF fonts: " + e.getMessage(), e);
        }
    }

    public static void write(Digest d, OutputStream out) throws IOException {
        new DigestPdf().render(d, out);
    }

    private void render(Digest d, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, 42, 42, 40, 46);
        try {
            PdfWriter.getInstance(doc, out).setCloseStream(false);
            doc.addTitle(DigestText.title(d));
            doc.addCreator("IOC Stream");
            HeaderFooter footer = new HeaderFooter(new Phrase(DigestText.title(d) + " · trang ", small), true);
            footer.setBorder(Rectangle.NO_BORDER);
            footer.setAlignment(Element.ALIGN_RIGHT);
            doc.setFooter(footer);
            doc.open();

            doc.add(new Paragraph(DigestText.title(d), title));
            doc.add(new Paragraph("Tạo lúc " + DigestText.STAMP.format(d.createdAt()) + " (giờ Việt Nam) · IOC Stream", small));

            heading(doc, "Số liệu chính");
            PdfPTable figures = table(new float[] {3, 2, 2.4f, 2.4f}, "Chỉ số", "Trong ngày", "So với hôm trước", "So với TB 7 ngày");
            for (Digest.Figure f : d.figures()) {
                cells(figures, f.label(), DigestText.number(f.day(), f.percent()), DigestText.change(f.day(), f.dayBefore(), f.percent()),
                        DigestText.change(f.day(), f.norm(), f.percent()));
            }
            doc.add(figures);

            PdfPTable charts = new PdfPTable(new float[] {3, 2});
            charts.setWidthPercentage(100);
            charts.setSpacingBefore(10);
            charts.addCell(image(DigestCharts.volume(d, 600, 340)));
            charts.addCell(image(DigestCharts.sentiment(d, 400, 340)));
            doc.add(charts);

            heading(doc, "Câu chuyện nổi bật (" + d.stories().size() + " trong " + d.storyCount() + " câu chuyện)");
            if (d.stories().isEmpty()) doc.add(new Paragraph("Không có bài viết trong ngày.", body));
            for (Digest.Story s : d.stories()) {
                Paragraph p = new Paragraph(s.rank() + ". " + s.title(), bold);
                p.setSpacingBefore(5);
                doc.add(p);
                doc.add(new Paragraph(DigestText.storyLine(s), small));
                if (s.copies().size() > 1) {
                    for (Digest.Copy c : s.copies()) {
                        Paragraph copy = new Paragraph("", body);
                        copy.setIndentationLeft(14);
                        copy.add(new Chunk("• " + c.outlet() + " — ", body));
                        copy.add(new Chunk(c.title(), body));
                        copy.add(new Chunk("  " + DigestText.time(c.publishedAt()), small));
                        doc.add(copy);
                    }
                }
            }

            heading(doc, "Chủ đề mới nổi");
            rows(doc, d.trends().isEmpty(), "Không có chủ đề mới.", () -> {
                PdfPTable t = table(new float[] {4, 2.4f, 1.4f, 1, 1.6f}, "Chủ đề", "Loại", "Số bài (đỉnh)", "Điểm", "Bắt đầu");
                for (Digest.TrendItem i : d.trends()) {
                    cells(t, i.label(), DigestText.keyType(i.keyType()), Long.toString(i.posts()), DigestText.number(i.score(), false),
                            DigestText.time(i.firstSeen()));
                }
                return t;
            });

            heading(doc, "Từ mạng xã hội lên báo chí");
            rows(doc, d.pickups().isEmpty(), "Không có.", () -> {
                PdfPTable t = table(new float[] {5, 2.4f, 1, 1.4f}, "Nội dung", "Địa bàn", "Số bài", "Lúc");
                for (Digest.Pickup p : d.pickups()) cells(t, p.title(), p.locality(), Long.toString(p.count()), DigestText.time(p.at()));
                return t;
            });

            heading(doc, "Vấn đề tiêu cực theo địa bàn");
            rows(doc, d.negative().isEmpty(), "Không có bài tiêu cực.", () -> {
                PdfPTable t = table(new float[] {2.2f, 1.2f, 1.2f, 5}, "Địa bàn", "Bài tiêu cực", "Câu chuyện", "Tiêu đề tiêu cực nhất");
                for (Digest.LocalityIssues n : d.negative()) {
                    cells(t, n.locality(), Long.toString(n.posts()), Long.toString(n.stories()), n.topTitle());
                }
                return t;
            });

            heading(doc, "Cảnh báo trong ngày");
            rows(doc, d.alerts().isEmpty(), "Không có cảnh báo.", () -> {
                PdfPTable t = table(new float[] {4, 2, 1.4f}, "Loại", "Trạng thái", "Số cảnh báo");
                for (Digest.AlertCount a : d.alerts()) cells(t, DigestText.kind(a.kind()), DigestText.state(a.state()), Long.toString(a.count()));
                return t;
            });

            heading(doc, "Nguồn tin có vấn đề");
            rows(doc, d.staleSources().isEmpty(), "Mọi nguồn đều cập nhật bình thường.", () -> {
                PdfPTable t = table(new float[] {3.5f, 1.8f, 1.8f, 1.8f, 1.2f}, "Nguồn", "Tình trạng", "Lấy được lần cuối",
                        "Tin mới lần cuối", "Lỗi liên tiếp");
                for (Digest.StaleSource s : d.staleSources()) {
                    cells(t, s.source(), DigestText.sourceStatus(s.status()), DigestText.time(s.lastSuccess()),
                            DigestText.time(s.lastNewItem()), Long.toString(s.errors()));
                }
                return t;
            });

            heading(doc, "Phụ lục: đường dẫn");
            int n = 0;
            for (Digest.Link l : d.links()) {
                Paragraph p = new Paragraph("", body);
                p.add(new Chunk(++n + ". " + l.outlet() + " — " + l.title() + "\n", body));
                Chunk url = new Chunk(l.url(), link);
                if (l.url().startsWith("https://") || l.url().startsWith("http://")) url.setAnchor(l.url());
                p.add(url);
                p.setSpacingAfter(3);
                doc.add(p);
            }
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) doc.close();
        }
    }

    private interface TableMaker {
        PdfPTable make();
    }

    private void rows(Document doc, boolean empty, String none, TableMaker table) throws DocumentException {
        doc.add(empty ? new Paragraph(none, body) : table.make());
    }

    private void heading(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, heading);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private PdfPTable table(float[] widths, String... headings) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : headings) t.addCell(cell(h, bold, new Color(0xE3, 0xF2, 0xFD)));
        return t;
    }

    private void cells(PdfPTable t, String... values) {
        for (String v : List.of(values)) t.addCell(cell(v, body, null));
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(4);
        c.setBorderColor(new Color(0xDD, 0xDD, 0xDD));
        if (background != null) c.setBackgroundColor(background);
        return c;
    }

    private static PdfPCell image(byte[] png) {
        try {
            PdfPCell c = new PdfPCell(Image.getInstance(png), true);
            c.setBorder(Rectangle.NO_BORDER);
            c.setPadding(2);
            return c;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
