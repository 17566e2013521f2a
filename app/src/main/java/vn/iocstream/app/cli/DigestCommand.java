package vn.iocstream.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.iocstream.app.digest.Digest;
import vn.iocstream.app.digest.DigestBuilder;
import vn.iocstream.app.digest.DigestFiles;
import vn.iocstream.app.digest.DigestMail;
import vn.iocstream.app.digest.DigestScope;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;

/** {@code ioc digest}: the daily digest of a scope and day from ClickHouse, as files, and optionally by e-mail. */
public final class DigestCommand {
    static final String USAGE = """
            usage: ioc digest [--scope S] [--day YYYY-MM-DD] [--out DIR] [--format LIST] [--top N]
                              [--email ADDRESSES --channel NAME] [--config FILE] [--clickhouse URL]

            Builds the daily digest ("điểm tin") from ClickHouse: headline numbers against the day before and the
            7-day norm, the top stories ranked by distinct outlets (each once, its syndicated copies under it), new
            trends, social → press pickups, negative posts by place, the day's alerts by kind and state, sources that
            went stale, and an appendix of links. Writes diem-tin-<scope>-<day>.html, .pdf and .xlsx and the day's
            posts as bai-viet-<scope>-<day>.csv, and prints one line per file.

              --scope S          whose digest, written as the control room's scopes: "*" (default, everything), a
                                 province ("tỉnh Đồng Nai" or "Đồng Nai"; former names such as "Bình Phước" mean the
                                 current unit), or a commune and its province ("phường Tam Hiệp, tỉnh Đồng Nai");
                                 several joined by ";"
              --day YYYY-MM-DD   the day, Vietnam time (default: yesterday)
              --out DIR          the folder to write into (default: digest.outDir, data/digest)
              --format LIST      comma-separated, any of html, pdf, xlsx, csv (default: all four)
              --top N            stories listed, 1-100 (default: digest.topStories, 10)
              --email ADDRESSES  also send the digest to these comma-separated addresses: the HTML as the body, the
                                 other files written attached; needs --channel
              --channel NAME     the e-mail channel of the alerts file (alerts.file in the configuration) to send with
              --config FILE      configuration (default: config/ioc.yaml if it exists)
              --clickhouse URL   ClickHouse HTTP address (default: the running embedded server of ioc run / ioc demo,
                                 found in <clickhouse.dataDir>/http-url.txt, or clickhouse.url when not embedded)
            Scheduled e-mails are configured under digest.emails and sent by ioc run.""";

    private static final List<String> VALUED = List.of("scope", "day", "out", "format", "top", "email", "channel", "config", "clickhouse");

    public int run(List<String> args) throws IOException {
        if (args.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        Options o = Options.parse(args, VALUED, List.of(), USAGE);
        Path configFile = o.has("config") ? Path.of(o.get("config", null))
                : Files.isRegularFile(Path.of("config/ioc.yaml")) ? Path.of("config/ioc.yaml") : null;
        IocConfig config = ConfigLoader.load(configFile, List.of());
        DigestScope scope;
        try {
            scope = DigestScope.parse(o.get("scope", "*"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scope: " + e.getMessage(), USAGE);
        }
        LocalDate day = day(o.get("day", null));
        Set<DigestFiles.Format> formats = formats(o.get("format", "html,pdf,xlsx,csv"));
        long top = o.number("top", config.digest().topStories());
        if (top < 1 || top > 100) throw new UsageException("--top must be between 1 and 100, got: " + top, USAGE);
        if (o.has("email") != o.has("channel")) throw new UsageException("--email and --channel go together", USAGE);
        DigestMail mail = null;
        if (o.has("email")) {
            if (config.alerts().file().isBlank()) throw new UsageException("--email needs alerts.file in the configuration", USAGE);
            try {
                mail = DigestMail.of(Path.of(config.alerts().file()), o.get("channel", null));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--channel: " + e.getMessage(), USAGE);
            }
        }
        Path out = Path.of(o.get("out", config.digest().outDir()));

        ClickHouseClient clickHouse = RunningClickHouse.connect(o, config.clickhouse(), USAGE);
        Digest d = new DigestBuilder(clickHouse, Clock.systemUTC()).build(scope, day, (int) top);
        DigestFiles.Written written = new DigestFiles(clickHouse).write(d, scope, formats, out);
        for (Path p : written.files()) System.out.println("digest: " + p);
        System.out.println("digest " + d.scope() + " " + d.day() + ": " + (long) d.figures().get(0).day() + " posts, "
                + d.storyCount() + " stories (" + d.stories().size() + " listed), " + d.alerts().stream().mapToLong(Digest.AlertCount::count).sum()
                + " alerts");
        if (mail != null) {
            List<String> to = Arrays.stream(o.get("email", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            try {
                String answer = mail.send(d, to, written.files().stream().filter(p -> !p.toString().endsWith(".html")).toList());
                System.out.println("digest e-mailed to " + String.join(", ", to) + ": " + answer);
            } catch (vn.iocstream.alerts.channels.DeliveryException e) {
                System.err.println("ioc: digest not e-mailed: " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private static LocalDate day(String text) {
        if (text == null) return DigestBuilder.yesterday(Clock.systemUTC());
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--day must look like 2026-11-20, got: " + text, USAGE);
        }
    }

    private static Set<DigestFiles.Format> formats(String list) {
        Set<DigestFiles.Format> out = EnumSet.noneOf(DigestFiles.Format.class);
        for (String f : list.split(",")) {
            try {
                out.add(DigestFiles.Format.valueOf(f.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format: unknown format '" + f.strip() + "' (html, pdf, xlsx, csv)", USAGE);
            }
        }
        return out;
    }

}
