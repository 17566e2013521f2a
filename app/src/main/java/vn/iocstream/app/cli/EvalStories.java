package vn.iocstream.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.nlp.dedup.StoryEvaluation;
import vn.iocstream.nlp.dedup.StoryIndex;
import vn.iocstream.nlp.dedup.SyndicationCorpus;

/**
 * {@code ioc eval stories}: story grouping at the shipped settings ({@code nlp.storyMaxDistance},
 * {@code nlp.storyWindowHours}), beside the grouping shipped before, on fingerprint pairs at each distance, on a
 * generated syndication corpus and, with {@code --articles}, on real articles republished with the same edits.
 */
final class EvalStories {
    static final String USAGE = """
              stories [--seed N] [--events N] [--max-distance K] [--pairs N] [--background N] [--articles FILE]
                  story grouping at the shipped settings (or --max-distance K, 0..%d bits), beside the grouping
                  shipped before (SimHash of the whole body, four exact 16-bit bands): (1) for fingerprint pairs
                  exactly d bits apart (d = 0..max(16, K+6); N pairs per distance, default 1000, among --background
                  other posts, default 10000) the share grouped; (2) BCubed precision/recall/F1 on a generated
                  syndication corpus (--events events, default 400, seed N, default 2; settings were chosen on seed 1):
                  articles republished by other outlets (new headline, lead, paragraph cut, byline, boilerplate) and
                  follow-ups that are stories of their own, with the mixed edits and with every edit on every copy;
                  (3) with --articles, the same on real articles (JSON lines with title, sentences, date yyyyMMdd,
                  doc_id, gzip or not, e.g. ../shared/data/news/unc-dantri/unc_dantri_2020_2021.jsonl.gz) and their
                  generated copies. Last line: stories bcubedF1=… recallWithinLimit=… beyondLimitGrouped=…
            """.formatted(StoryIndex.MAX_DISTANCE).stripTrailing();

    private EvalStories() {}

    static int run(List<String> args, String usage) throws IOException {
        Options o = Options.parse(args, List.of("seed", "events", "max-distance", "pairs", "background", "articles"), List.of(), usage);
        IocConfig.Nlp shipped = ConfigLoader.load(null, List.of()).nlp();
        int limit = (int) o.number("max-distance", shipped.storyMaxDistance());
        if (limit < 0 || limit > StoryIndex.MAX_DISTANCE) {
            throw new UsageException("--max-distance must be 0.." + StoryIndex.MAX_DISTANCE, usage);
        }
        long seed = o.number("seed", 2);
        int events = positive(o, "events", 400, usage);
        int pairs = positive(o, "pairs", 1000, usage);
        int background = positive(o, "background", 10_000, usage);
        Path articles = null;
        List<SyndicationCorpus.Source> sources = List.of();
        if (o.has("articles")) {
            articles = Path.of(o.get("articles", null));
            if (!Files.isRegularFile(articles)) throw new UsageException("--articles: no such file: " + articles, usage);
            sources = read(articles, usage);
        }
        long windowMs = shipped.storyWindowHours() * 3_600_000L;

        System.out.printf(Locale.ROOT, "story grouping: limit %d of 64 bits, window %d h%n%n", limit, shipped.storyWindowHours());
        System.out.printf(Locale.ROOT, "fingerprint pairs at each distance (%d per distance, among %d other posts):%n", pairs, background);
        List<StoryEvaluation.DistanceRow> rows = StoryEvaluation.perDistance(limit, Math.max(16, limit + 6), pairs, background, seed);
        StoryEvaluation.printDistances(rows, limit, System.out);

        StoryEvaluation.Grouping headline = null;
        for (String edits : List.of("mixed", "all")) {
            List<SyndicationCorpus.Post> posts = SyndicationCorpus.generate(events, seed, edits);
            String name = "generated syndication, seed " + seed + ", " + events + " events, " + edits + " edits";
            StoryEvaluation.Grouping now = StoryEvaluation.grouping(name, posts, limit, windowMs, false);
            System.out.println();
            StoryEvaluation.printGrouping(now, StoryEvaluation.grouping(name, posts, limit, windowMs, true), System.out);
            if (headline == null) headline = now;
        }
        if (articles != null) {
            for (String edits : List.of("mixed", "all")) {
                List<SyndicationCorpus.Post> posts = SyndicationCorpus.syndicate(sources, seed, edits);
                String name = "real articles (" + articles.getFileName() + ", " + sources.size() + ") and their copies, "
                        + edits + " edits";
                System.out.println();
                StoryEvaluation.printGrouping(StoryEvaluation.grouping(name, posts, limit, windowMs, false),
                        StoryEvaluation.grouping(name, posts, limit, windowMs, true), System.out);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "stories bcubedF1=%.4f recallWithinLimit=%.4f beyondLimitGrouped=%d%n", headline.f1(),
                StoryEvaluation.recallWithinLimit(rows, limit), StoryEvaluation.beyondLimitGrouped(rows, limit));
        return 0;
    }

    private static int positive(Options o, String name, int fallback, String usage) {
        long n = o.number(name, fallback);
        if (n <= 0 || n > 10_000_000) throw new UsageException("--" + name + " must be between 1 and 10000000", usage);
        return (int) n;
    }

    /** Articles as JSON lines: {@code doc_id}, {@code title}, {@code sentences} (array), {@code date} (yyyyMMdd). */
    private static List<SyndicationCorpus.Source> read(Path file, String usage) throws IOException {
        List<SyndicationCorpus.Source> sources = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                n++;
                if (line.isBlank()) continue;
                try {
                    JsonNode node = Json.MAPPER.readTree(line);
                    List<String> sentences = new ArrayList<>();
                    node.path("sentences").forEach(s -> sentences.add(s.asText()));
                    if (sentences.isEmpty()) continue;
                    sources.add(new SyndicationCorpus.Source(node.path("doc_id").asText("line" + n), node.path("title").asText(""),
                            sentences, LocalDate.parse(node.path("date").asText(), DateTimeFormatter.BASIC_ISO_DATE)));
                } catch (IOException | RuntimeException e) {
                    throw new UsageException("--articles: line " + n + " is not an article (" + e.getMessage().lines().findFirst().orElse("") + ")", usage);
                }
            }
        }
        if (sources.isEmpty()) throw new UsageException("--articles: no articles in " + file, usage);
        return sources;
    }
}
