package vn.iocstream.app.digest;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/** The digest's two charts as PNG, drawn on the server with JFreeChart in DejaVu Sans: volume per day, sentiment share. */
final class DigestCharts {
    static final Color POSITIVE = new Color(0x2E7D32);
    static final Color NEUTRAL = new Color(0x9E9E9E);
    static final Color NEGATIVE = new Color(0xC62828);
    private static final String[] SERIES = {"Tích cực", "Trung tính", "Tiêu cực"};

    private DigestCharts() {}

    /** Posts per day for the day and the 7 before it, stacked by sentiment. */
    static byte[] volume(Digest d, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Digest.DayVolume v : d.days()) {
            String day = v.day().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM"));
            data.addValue(v.positive(), SERIES[0], day);
            data.addValue(v.neutral(), SERIES[1], day);
            data.addValue(v.negative(), SERIES[2], day);
        }
        CategoryAxis days = new CategoryAxis();
        NumberAxis posts = new NumberAxis("Bài viết");
        posts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setSeriesPaint(0, POSITIVE);
        bars.setSeriesPaint(1, NEUTRAL);
        bars.setSeriesPaint(2, NEGATIVE);
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryPlot plot = new CategoryPlot(data, days, posts, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(plot);
        return png(style(chart, "Số bài viết mỗi ngày theo sắc thái"), width, height);
    }

    /** The day's posts by sentiment. */
    static byte[] sentiment(Digest d, int width, int height) {
        Digest.DayVolume today = d.days().get(d.days().size() - 1);
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        data.setValue(SERIES[0], today.positive());
        data.setValue(SERIES[1], today.neutral());
        data.setValue(SERIES[2], today.negative());
        PiePlot<String> plot = new PiePlot<>(data);
        plot.setSectionPaint(SERIES[0], POSITIVE);
        plot.setSectionPaint(SERIES[1], NEUTRAL);
        plot.setSectionPaint(SERIES[2], NEGATIVE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setShadowPaint(null);
        plot.setNoDataMessage("Không có bài viết");
        plot.setLabelFont(DigestFonts.awt(DigestFonts.REGULAR, 11f));
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {1} ({2})"));
        plot.setIgnoreZeroValues(true);
        JFreeChart chart = new JFreeChart(plot);
        return png(style(chart, "Sắc thái trong ngày"), width, height);
    }

    private static JFreeChart style(JFreeChart chart, String title) {
        Font regular = DigestFonts.awt(DigestFonts.REGULAR, 12f);
        chart.setTitle(new TextTitle(title, DigestFonts.awt(DigestFonts.BOLD, 15f)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(regular);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.getDomainAxis().setTickLabelFont(regular);
            p.getRangeAxis().setTickLabelFont(regular);
            p.getRangeAxis().setLabelFont(regular);
        }
        return chart;
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
