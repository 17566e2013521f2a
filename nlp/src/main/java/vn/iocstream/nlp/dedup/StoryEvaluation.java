package vn.iocstream.nlp.dedup;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import vn.iocstream.nlp.Fingerprints;

/**
 * How well posts are grouped into stories, measured two ways. {@link #perDistance}: pairs of fingerprints exactly
 * d bits apart, among other posts in the window, and whether the second joins the first's story (every pair within
 * the limit should, none beyond it). {@link #grouping}: posts whose true stories are known ({@link SyndicationCorpus}),
 * assigned in publication order, scored with BCubed precision, recall and F1 (Bagga and Baldwin 1998; per post: the
 * share of its found story that is truly its story, and the share of its true story that it was found with). Both
 * are measured for the current grouping and, beside it, for the one shipped before ({@link PreviousStories}).
 */
public final class StoryEvaluation {
    private StoryEvaluation() {}

    /** Pairs {@code distance} bits apart: how many, and how many were grouped now and before. */
    public record DistanceRow(int distance, int pairs, int grouped, int groupedBefore) {}

    /** BCubed figures of one corpus, and the share of copies whose fingerprint is within the limit of their original's. */
    public record Grouping(String name, int posts, int trueStories, int foundStories, double precision, double recall,
                           double f1, double copiesWithinLimit) {}

    /**
     * {@code pairs} pairs at each distance 0..{@code upTo}, assigned after {@code background} random posts (all within
     * the window), through the current index and the previous banded one. A pair is drawn again while either
     * fingerprint is within the limit of a post already remembered: a chance match with a third post would decide
     * the pair's story, and what is measured here is whether the two are found together.
     */
    public static List<DistanceRow> perDistance(int maxDistance, int upTo, int pairs, int background, long seed) {
        Random random = new Random(seed);
        long windowMs = 48 * 3_600_000L;
        StoryIndex index = new StoryIndex(maxDistance, windowMs);
        PreviousStories before = new PreviousStories(maxDistance, windowMs);
        List<Long> remembered = new ArrayList<>();
        long time = 0;
        for (int i = 0; i < background; i++) {
            long fp = nonZero(random);
            index.assign("b" + i, fp, time);
            before.assign("b" + i, fp, time++);
            remembered.add(fp);
        }
        List<DistanceRow> rows = new ArrayList<>();
        for (int d = 0; d <= upTo; d++) {
            int grouped = 0;
            int groupedBefore = 0;
            for (int p = 0; p < pairs; p++) {
                long a;
                long b;
                do {
                    a = nonZero(random);
                    b = a ^ randomMask(d, random);
                } while (b == 0 || nearAny(a, remembered, maxDistance) || nearAny(b, remembered, maxDistance));
                String id = "d" + d + "p" + p;
                String storyA = index.assign(id + "a", a, time);
                if (index.assign(id + "b", b, time).equals(storyA)) grouped++;
                String beforeA = before.assign(id + "a", a, time);
                if (before.assign(id + "b", b, time++).equals(beforeA)) groupedBefore++;
                remembered.add(a);
                remembered.add(b);
            }
            rows.add(new DistanceRow(d, pairs, grouped, groupedBefore));
        }
        return rows;
    }

    private static boolean nearAny(long fp, List<Long> remembered, int maxDistance) {
        for (long r : remembered) {
            if (Long.bitCount(r ^ fp) <= maxDistance) return true;
        }
        return false;
    }

    /** The posts assigned in order by the current grouping ({@code before}: by the previous one), scored. */
    public static Grouping grouping(String name, List<SyndicationCorpus.Post> posts, int maxDistance, long windowMs,
                                    boolean before) {
        StoryIndex index = new StoryIndex(maxDistance, windowMs);
        PreviousStories previous = new PreviousStories(maxDistance, windowMs);
        Map<String, Long> fingerprints = new HashMap<>();
        List<String> found = new ArrayList<>(posts.size());
        for (SyndicationCorpus.Post p : posts) {
            long fp = before ? PreviousStories.fingerprint(p.body()) : StoryText.fingerprint(p.body());
            fingerprints.put(p.id(), fp);
            found.add(before ? previous.assign(p.id(), fp, p.timeMs()) : index.assign(p.id(), fp, p.timeMs()));
        }
        int copies = 0;
        int copiesWithin = 0;
        for (SyndicationCorpus.Post p : posts) {
            if (p.id().equals(p.story())) continue;
            copies++;
            if (Fingerprints.hamming(fingerprints.get(p.id()), fingerprints.get(p.story())) <= maxDistance) {
                copiesWithin++;
            }
        }
        List<String> truth = posts.stream().map(SyndicationCorpus.Post::story).toList();
        double[] pr = bcubed(truth, found);
        return new Grouping(name, posts.size(), (int) truth.stream().distinct().count(), (int) found.stream().distinct().count(),
                pr[0], pr[1], f1(pr[0], pr[1]), copies == 0 ? 1 : (double) copiesWithin / copies);
    }

    /** BCubed precision and recall of {@code found} story ids against {@code truth}, post by post. */
    static double[] bcubed(List<String> truth, List<String> found) {
        Map<String, Integer> trueSize = new HashMap<>();
        Map<String, Integer> foundSize = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            trueSize.merge(truth.get(i), 1, Integer::sum);
            foundSize.merge(found.get(i), 1, Integer::sum);
            both.merge(found.get(i) + '\u0000' + truth.get(i), 1, Integer::sum);
        }
        double precision = 0;
        double recall = 0;
        for (int i = 0; i < truth.size(); i++) {
            int shared = both.get(found.get(i) + '\u0000' + truth.get(i));
            precision += (double) shared / foundSize.get(found.get(i));
            recall += (double) shared / trueSize.get(truth.get(i));
        }
        return new double[] {precision / truth.size(), recall / truth.size()};
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of the pairs within the limit that were grouped. */
    public static double recallWithinLimit(List<DistanceRow> rows, int maxDistance) {
        int pairs = 0;
        int grouped = 0;
        for (DistanceRow r : rows) {
            if (r.distance() > maxDistance) continue;
            pairs += r.pairs();
            grouped += r.grouped();
        }
        return pairs == 0 ? 1 : (double) grouped / pairs;
    }

    /** Pairs beyond the limit that were grouped anyway. */
    public static int beyondLimitGrouped(List<DistanceRow> rows, int maxDistance) {
        return rows.stream().filter(r -> r.distance() > maxDistance).mapToInt(DistanceRow::grouped).sum();
    }

    public static void printDistances(List<DistanceRow> rows, int maxDistance, PrintStream out) {
        out.printf(Locale.ROOT, "%8s  %6s  %14s  %16s%n", "distance", "pairs", "grouped (now)", "grouped (before)");
        for (DistanceRow r : rows) {
            out.printf(Locale.ROOT, "%8d  %6d  %14.3f  %16.3f%s%n", r.distance(), r.pairs(), (double) r.grouped() / r.pairs(),
                    (double) r.groupedBefore() / r.pairs(), r.distance() == maxDistance ? "   <- limit" : "");
        }
    }

    public static void printGrouping(Grouping now, Grouping before, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d posts, %d true stories%n", now.name(), now.posts(), now.trueStories());
        for (Grouping g : List.of(now, before)) {
            out.printf(Locale.ROOT, "  %-7s BCubed precision %.4f  recall %.4f  F1 %.4f   stories found %d, copies within the limit of their original %.3f%n",
                    g == now ? "now" : "before", g.precision(), g.recall(), g.f1(), g.foundStories(), g.copiesWithinLimit());
        }
    }

    private static long nonZero(Random random) {
        long fp;
        do {
            fp = random.nextLong();
        } while (fp == 0);
        return fp;
    }

    /** A mask of exactly {@code bits} distinct random bits. */
    static long randomMask(int bits, Random random) {
        long mask = 0;
        while (Long.bitCount(mask) < bits) mask |= 1L << random.nextInt(64);
        return mask;
    }
}
