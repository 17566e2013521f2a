package vn.iocstream.app.export;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/**
 * Run in a JVM of its own with a small heap by {@link ExporterTest}: exports every post of a database as CSV and as
 * XLSX and prints the row counts. If either export held its rows in memory, this JVM would run out of it.
 * Arguments: ClickHouse HTTP URL, database, output folder.
 */
public final class ExportMemoryProbe {
    public static void main(String[] args) throws Exception {
        ClickHouseClient clickHouse = new ClickHouseClient(args[0], args[1], "default", "");
        Path dir = Path.of(args[2]);
        Exporter exporter = new Exporter(clickHouse);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");
        ExportInfo info = new ExportInfo("Bài viết", "ngập* AND locality:\"Đồng Nai\"", from, to, "Đồng Nai", Instant.now());
        Exporter.Request request = new Exporter.Request(ExportTable.POSTS, from, to, "province = 'Đồng Nai'", null, info, 1_000_000);
        long csv;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("posts.csv")));
             CsvRowWriter writer = new CsvRowWriter(out)) {
            csv = exporter.export(request, writer);
        }
        long xlsx;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("posts.xlsx")));
             XlsxRowWriter writer = new XlsxRowWriter(out)) {
            xlsx = exporter.export(request, writer);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("rows csv=" + csv + " xlsx=" + xlsx + " maxHeapMb=" + rt.maxMemory() / (1 << 20));
    }
}
