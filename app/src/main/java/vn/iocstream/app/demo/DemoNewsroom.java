package vn.iocstream.app.demo;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo's news, relative to {@code start}: a quiet hour of archive, a steady trickle of live background
 * articles, and one burst — twelve outlets covering the same traffic accident within 45 seconds — that a
 * watchlist on "tai nạn giao thông" should flag as a trend within a minute. Same seed, same scenario.
 *
 * <p>Why this shape: a burst detector needs a baseline to compare against, so the incident topic also appears
 * in the background, but at most once per {@link #BASELINE_ACCIDENT_GAP} (as minor crashes do in a
 * province's press); everything else in the background avoids the phrase entirely.
 */
public final class DemoNewsroom {
    public static final int DEFAULT_LIVE_INTERVAL_SECONDS = 5;
    public static final int DEFAULT_BURST_OFFSET_SECONDS = 15;
    /** The phrase every burst article contains (with diacritics, or typed without them in comments). */
    public static final String INCIDENT_PHRASE = "tai nạn giao thông";
    static final int ARCHIVE_ARTICLES = 40;
    static final Duration ARCHIVE_SPAN = Duration.ofMinutes(60);
    static final Duration BASELINE_ACCIDENT_GAP = Duration.ofMinutes(10);
    static final Duration BURST_SPAN = Duration.ofSeconds(45);
    /** Chance that a background slot is a minor crash, when the gap allows one. */
    private static final double BASELINE_ACCIDENT_CHANCE = 0.15;
    /** Share of background articles that get a comment thread. */
    private static final double COMMENTED = 0.3;

    private final Instant start;
    private final long seed;
    private final int liveIntervalSeconds;
    private final int burstOffsetSeconds;
    private final Duration liveFor;

    public DemoNewsroom(Instant start, long seed, int liveIntervalSeconds, int burstOffsetSeconds, Duration liveFor) {
        if (liveIntervalSeconds <= 0) throw new IllegalArgumentException("liveIntervalSeconds must be positive");
        this.start = start.truncatedTo(ChronoUnit.SECONDS);
        this.seed = seed;
        this.liveIntervalSeconds = liveIntervalSeconds;
        this.burstOffsetSeconds = burstOffsetSeconds;
        this.liveFor = liveFor;
    }

    /** Archive, live background and burst, ordered by publishedAt. */
    public List<DemoArticle> scenario() {
        Random random = new Random(seed);
        List<DemoArticle> out = new ArrayList<>();
        Instant[] lastAccident = {Instant.MIN};
        // Archive: evenly spread with jitter over the hour before start, so the detector's history is filled.
        long slot = ARCHIVE_SPAN.getSeconds() / ARCHIVE_ARTICLES;
        for (int i = 0; i < ARCHIVE_ARTICLES; i++) {
            Instant at = start.minus(ARCHIVE_SPAN).plusSeconds(i * slot + random.nextInt((int) slot));
            out.add(background(random, at, out.size(), lastAccident, Duration.ofMinutes(1 + random.nextInt(20))));
        }
        // Live background: comments follow within seconds, so the one fetch the crawler makes still sees them.
        for (long s = liveIntervalSeconds; s <= liveFor.getSeconds(); s += liveIntervalSeconds) {
            out.add(background(random, start.plusSeconds(s), out.size(), lastAccident, Duration.ofSeconds(1 + random.nextInt(3))));
        }
        List<DemoStories.Story> burst = DemoStories.BURST;
        long spacingMs = BURST_SPAN.toMillis() / burst.size();
        for (int i = 0; i < burst.size(); i++) {
            Instant at = start.plusSeconds(burstOffsetSeconds).plusMillis(i * spacingMs + random.nextInt((int) spacingMs))
                    .truncatedTo(ChronoUnit.SECONDS);
            out.add(story(random, burst.get(i), at, out.size()));
        }
        out.sort(Comparator.comparing(DemoArticle::publishedAt));
        return out;
    }

    private DemoArticle background(Random random, Instant at, int serial, Instant[] lastAccident, Duration commentDelay) {
        DemoStories.Region region = pick(random, DemoStories.REGIONS);
        DemoStories.Topic topic;
        if (!lastAccident[0].plus(BASELINE_ACCIDENT_GAP).isAfter(at) && random.nextDouble() < BASELINE_ACCIDENT_CHANCE) {
            topic = DemoStories.BASELINE_ACCIDENT;
            lastAccident[0] = at;
        } else {
            topic = pick(random, DemoStories.BACKGROUND);
        }
        String place = pick(random, region.places());
        String so = String.valueOf(2 + random.nextInt(29));
        String tien = String.valueOf(100 + 10 * random.nextInt(81));
        String title = fill(pick(random, topic.titles()), place, region, so, tien);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(fill(topic.paragraphs().get(0), place, region, so, tien));
        for (String p : topic.paragraphs().subList(1, topic.paragraphs().size())) {
            if (random.nextInt(4) > 0) paragraphs.add(fill(p, place, region, so, tien));
        }
        List<DemoComment> comments = random.nextDouble() < COMMENTED
                ? comments(random, topic.comments(), at, commentDelay) : List.of();
        return new DemoArticle(slug(title, serial), topic.section(), title, byline(random, region.outlet()), at,
                paragraphs, comments, region.locality());
    }

    private DemoArticle story(Random random, DemoStories.Story s, Instant at, int serial) {
        return new DemoArticle(slug(s.title(), serial), "Giao thông", s.title(), byline(random, s.outlet()), at,
                s.paragraphs(), comments(random, s.comments(), at, Duration.ofSeconds(1)), s.locality());
    }

    /** Some of the pool, each a little after the previous one, by distinct readers. */
    private static List<DemoComment> comments(Random random, List<String> pool, Instant after, Duration step) {
        List<String> names = new ArrayList<>(DemoStories.COMMENTERS);
        Collections.shuffle(names, random);
        List<DemoComment> out = new ArrayList<>();
        Instant t = after;
        for (int i = 0; i < pool.size(); i++) {
            if (pool.size() > 2 && random.nextInt(3) == 0) continue;
            t = t.plus(step);
            out.add(new DemoComment(names.get(i), pool.get(i), t));
        }
        return out;
    }

    private static String byline(Random random, String outlet) {
        return pick(random, DemoStories.AUTHORS.get(outlet)) + " - " + outlet;
    }

    private static String fill(String template, String place, DemoStories.Region region, String so, String tien) {
        String text = template.replace("{noi}", place).replace("{tinh}", region.name()).replace("{so}", so).replace("{tien}", tien);
        // A title may start with a placeholder: "phường Đồng Xoài: ..." reads as "Phường Đồng Xoài: ...".
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** ASCII URL name as Vietnamese CMSs make it: marks dropped, đ → d, words joined by '-', plus a serial. */
    static String slug(String title, int serial) {
        String ascii = Normalizer.normalize(title.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (ascii.length() > 80) ascii = ascii.substring(0, 80).replaceAll("-[^-]*$", "");
        return ascii + "-" + (190000 + serial);
    }
}
