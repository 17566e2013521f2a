package vn.iocstream.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Reads exported files back for comparison: an RFC 4180 parser of its own, and a sheet as the same strings. */
public final class CsvFile {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvFile() {}

    public static List<List<String>> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) throw new AssertionError("no byte-order mark");
        return parse(text.substring(1));
    }

    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (quoted || cell.length() > 0 || !row.isEmpty()) throw new AssertionError("the file does not end with a full record");
        return rows;
    }

    /** The {@code # label, value} lines before the empty line. */
    public static Map<String, String> preamble(List<List<String>> csv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> row : csv) {
            if (row.size() == 1 && row.get(0).isEmpty()) break;
            out.put(row.get(0), row.size() > 1 ? row.get(1) : "");
        }
        return out;
    }

    /** The data rows: after the empty line and the headings, without a closing {@code #} note. */
    public static List<List<String>> rowsAfterHeading(List<List<String>> csv) {
        int blank = 0;
        while (!(csv.get(blank).size() == 1 && csv.get(blank).get(0).isEmpty())) blank++;
        List<List<String>> rows = new ArrayList<>(csv.subList(blank + 2, csv.size()));
        if (!rows.isEmpty() && rows.get(rows.size() - 1).get(0).startsWith("# ")) rows.remove(rows.size() - 1);
        return rows;
    }

    /** Rows with the CSV-injection guard taken off, as a spreadsheet cell holds the text. */
    public static List<List<String>> unguarded(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(CsvFile::unguard).toList()).toList();
    }

    private static String unguard(String s) {
        if (s.length() > 1 && s.charAt(0) == '\'' && "=+-@\t\r".indexOf(s.charAt(1)) >= 0) return s.substring(1);
        return s;
    }

    /** A sheet's rows as the CSV writes them: times in its format, whole numbers without a fraction. */
    public static List<List<String>> sheet(Sheet sheet) {
        int width = sheet.getRow(0).getLastCellNum();
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < width; i++) cells.add(text(row.getCell(i)));
            out.add(cells);
        }
        return out;
    }

    private static String text(Cell c) {
        if (c == null) return "";
        if (c.getCellType() == CellType.STRING) return c.getStringCellValue();
        if (DateUtil.isCellDateFormatted(c)) return TIME.format(c.getLocalDateTimeCellValue());
        double v = c.getNumericCellValue();
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
