package vn.iocstream.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through Apache POI's streaming workbook: only the last {@value #WINDOW} rows stay in memory, the rest go to a
 * temporary file until {@link #close} zips the workbook into the stream. Sheet "Dữ liệu" holds the headings (bold,
 * frozen) and the rows, with times as real date cells in Vietnam time and numbers as numbers; sheet "Thông tin" the
 * {@link ExportInfo} (both named by the caller when the sheets are part of a larger workbook). Text is written as text cells, never as formulas. A cell holds at most 32,767 characters
 * (Excel's limit): longer text is cut and ends with "…".
 */
public final class XlsxRowWriter implements RowWriter {
    static final int WINDOW = 200;
    /** Excel's row limit, less the heading row. */
    public static final long MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1L;
    private static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final OutputStream stream;
    private final SXSSFWorkbook workbook;
    private final String dataName;
    private final String infoName;
    private final CellStyle timeStyle;
    private final CellStyle headingStyle;
    private SXSSFSheet data;
    private Sheet about;
    private List<Column> columns;
    private int next;

    /** A workbook of its own, written to {@code stream} by {@link #close}. */
    public XlsxRowWriter(OutputStream stream) {
        this(newWorkbook(), "Dữ liệu", "Thông tin", stream);
    }

    /** Two sheets of a workbook that its owner writes and closes (a report with other sheets). */
    public XlsxRowWriter(SXSSFWorkbook workbook, String dataSheet, String infoSheet) {
        this(workbook, dataSheet, infoSheet, null);
    }

    private XlsxRowWriter(SXSSFWorkbook workbook, String dataSheet, String infoSheet, OutputStream stream) {
        this.workbook = workbook;
        this.dataName = dataSheet;
        this.infoName = infoSheet;
        this.stream = stream;
        timeStyle = workbook.createCellStyle();
        timeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        headingStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headingStyle.setFont(bold);
    }

    @Override
    public void begin(ExportInfo info, List<Column> columns) {
        this.columns = List.copyOf(columns);
        data = workbook.createSheet(dataName);
        about = workbook.createSheet(infoName);
        int r = 0;
        for (Map.Entry<String, String> line : info.lines()) {
            Row row = about.createRow(r++);
            Cell label = row.createCell(0);
            label.setCellValue(line.getKey());
            label.setCellStyle(headingStyle);
            row.createCell(1).setCellValue(line.getValue());
        }
        Row heading = data.createRow(next++);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = heading.createCell(i);
            c.setCellValue(columns.get(i).heading());
            c.setCellStyle(headingStyle);
        }
        data.createFreezePane(0, 1);
    }

    @Override
    public void row(List<?> values) {
        if (next > MAX_ROWS) throw new IllegalStateException("an XLSX sheet holds at most " + MAX_ROWS + " rows");
        Row row = data.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) continue;
            Cell cell = row.createCell(i);
            switch (columns.get(i).type()) {
                case TIME -> {
                    cell.setCellValue(LocalDateTime.ofInstant((Instant) v, ExportInfo.ZONE));
                    cell.setCellStyle(timeStyle);
                }
                case NUMBER -> cell.setCellValue(((Number) v).doubleValue());
                case TEXT -> cell.setCellValue(fit(v.toString()));
            }
        }
    }

    @Override
    public void truncated(long rowsWritten) {
        Row row = about.createRow(about.getLastRowNum() + 1);
        row.createCell(0).setCellValue("Ghi chú");
        row.createCell(1).setCellValue("Đã dừng sau " + rowsWritten + " dòng: vượt giới hạn của một lần xuất");
    }

    /** Keeps {@value #WINDOW} rows in memory, the rest in compressed temporary files. */
    public static SXSSFWorkbook newWorkbook() {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        return workbook;
    }

    @Override
    public void close() throws IOException {
        if (stream == null) return;
        try {
            workbook.write(stream);
            stream.flush();
        } finally {
            finish(workbook);
        }
    }

    /** Deletes the workbook's temporary files and closes it. */
    public static void finish(SXSSFWorkbook workbook) throws IOException {
        workbook.dispose();
        workbook.close();
    }

    private static String fit(String text) {
        return text.length() <= MAX_CELL_CHARS ? text : text.substring(0, MAX_CELL_CHARS - 1) + "…";
    }
}
