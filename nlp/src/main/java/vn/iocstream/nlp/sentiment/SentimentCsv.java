package vn.iocstream.nlp.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled sentiment data: UTF-8 CSV (RFC 4180: quoted fields may hold commas, doubled quotes and
 * line breaks; CRLF or LF; an optional byte-order mark) with a header naming a {@code text} and a
 * {@code label} column, in any order, among others. Labels are negative, neutral or positive (any case).
 * Blank lines are skipped. A malformed file fails with the file name and the line of the offending row.
 */
public final class SentimentCsv {
    private SentimentCsv() {}

    public static List<LabelledText> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** A labelled CSV shipped on the classpath, e.g. {@link SentimentCorpora#HANDWRITTEN_TRAIN}. */
    public static List<LabelledText> resource(String name) {
        try (InputStream in = SentimentCsv.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no resource " + name);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses CSV text; {@code source} names it in error messages. */
    public static List<LabelledText> parse(String csv, String source) {
        List<Row> rows = rows(csv.startsWith("\uFEFF") ? csv.substring(1) : csv, source);
        if (rows.isEmpty()) throw new IllegalArgumentException(source + ":1: empty file, expected a header text,label");
        Row header = rows.get(0);
        int text = column(header, "text", source), label = column(header, "label", source);
        List<LabelledText> out = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() == 1 && row.fields().get(0).isBlank()) continue;
            if (row.fields().size() <= Math.max(text, label)) {
                throw new IllegalArgumentException(source + ":" + row.line() + ": expected " + header.fields().size()
                        + " columns, found " + row.fields().size());
            }
            String value = row.fields().get(label).strip().toLowerCase(Locale.ROOT);
            if (!SentimentClassifier.LABELS.contains(value)) {
                throw new IllegalArgumentException(source + ":" + row.line() + ": unknown label '" + row.fields().get(label)
                        + "', expected negative, neutral or positive");
            }
            out.add(new LabelledText(row.fields().get(text), value, row.line()));
        }
        return out;
    }

    private record Row(List<String> fields, int line) {}

    private static int column(Row header, String name, String source) {
        for (int i = 0; i < header.fields().size(); i++) {
            if (header.fields().get(i).strip().equalsIgnoreCase(name)) return i;
        }
        throw new IllegalArgumentException(source + ":" + header.line() + ": missing column '" + name
                + "' in header " + header.fields());
    }

    /** Splits CSV text into rows of fields, remembering the line each row starts on. */
    private static List<Row> rows(String s, String source) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1, rowLine = 1, quoteLine = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                quoteLine = line;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                rows.add(new Row(List.copyOf(fields), rowLine));
                fields.clear();
                field.setLength(0);
                rowLine = ++line;
            } else {
                field.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException(source + ":" + quoteLine + ": quoted field never closed");
        if (!fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(List.copyOf(fields), rowLine));
        }
        return rows;
    }
}
