package vn.iocstream.app.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.iocstream.app.export.CsvRowWriter;
import vn.iocstream.app.export.ExportInfo;
import vn.iocstream.app.export.ExportTable;
import vn.iocstream.app.export.Exporter;
import vn.iocstream.app.export.XlsxRowWriter;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/**
 * Writes a digest's files into a folder: {@code diem-tin-<scope>-<day>.html|.pdf|.xlsx} and the day's posts as
 * {@code bai-viet-<scope>-<day>.csv}. Each file is written beside its final name and moved into place, so a reader
 * never sees half a file.
 */
public final class DigestFiles {
    public enum Format { HTML, PDF, XLSX, CSV }

    private final ClickHouseClient clickHouse;

    public DigestFiles(ClickHouseClient clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** What was written. */
    public record Written(Digest digest, List<Path> files) {}

    public Written write(Digest d, DigestScope scope, Set<Format> formats, Path dir) throws IOException {
        Files.createDirectories(dir);
        String stem = DigestScope.slug(d.scope().equals(DigestScope.ALL.label()) ? "toan-bo" : d.scope()) + "-" + d.day();
        Exporter exporter = new Exporter(clickHouse);
        Exporter.Request posts = posts(d, scope);
        List<Path> out = new ArrayList<>();
        for (Format f : EnumSet.copyOf(formats)) {
            Path file = dir.resolve((f == Format.CSV ? "bai-viet-" : "diem-tin-") + stem + "." + f.name().toLowerCase(Locale.ROOT));
            Path part = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream o = Files.newOutputStream(part)) {
                switch (f) {
                    case HTML -> o.write(DigestHtml.render(d).getBytes(StandardCharsets.UTF_8));
                    case PDF -> DigestPdf.write(d, o);
                    case XLSX -> DigestXlsx.write(d, exporter, posts, o);
                    case CSV -> {
                        try (CsvRowWriter csv = new CsvRowWriter(o)) {
                            exporter.export(posts, csv);
                        }
                    }
                }
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.add(file);
        }
        return new Written(d, out);
    }

    /**
     * The demo's digest: today so far (its scenario happens now), everything, every format.
     *
     * @return the PDF's path, or why there is none (the demo goes on without it)
     */
    public static String demo(ClickHouseClient clickHouse, Path dir) {
        try {
            java.time.LocalDate today = java.time.LocalDate.now(ExportInfo.ZONE);
            Digest d = new DigestBuilder(clickHouse, java.time.Clock.systemUTC()).build(DigestScope.ALL, today, 10);
            Written w = new DigestFiles(clickHouse).write(d, DigestScope.ALL, EnumSet.allOf(Format.class), dir);
            return w.files().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow()
                    + " (with .html, .xlsx and the posts as CSV beside it)";
        } catch (IOException | RuntimeException e) {
            return "not written: " + e.getMessage();
        }
    }

    /** Every post of the digest's day in its scope, newest first: the CSV and the workbook's sheet "Bài viết". */
    static Exporter.Request posts(Digest d, DigestScope scope) {
        ExportInfo info = new ExportInfo("Bài viết ngày " + DigestText.DAY.format(d.day()), "", d.from(), d.to(), d.scope(),
                d.createdAt());
        return new Exporter.Request(ExportTable.POSTS, d.from(), d.to(), scope.posts(), null, info, XlsxRowWriter.MAX_ROWS);
    }
}
