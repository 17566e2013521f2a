package vn.iocstream.nlp.entity;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores an {@link EntityExtractor} against gold spans over units of a sentence: the tokens of a CoNLL file
 * ({@link ConllFile}) or the syllables of an annotated Dân Trí sentence ({@link DantriAnnotations}). The
 * extractor sees the sentence's text; each predicted entity covers the units it overlaps (as BIO can only
 * say), and is compared with the gold spans by exact match (same units and type) and by partial match (an
 * overlap with a gold span of the same type, each gold span matched at most once). LOCATION, ORGANIZATION
 * and PERSON are scored; the extractor's ROAD counts as LOCATION (VLSP tags streets and roads as places),
 * its other types (dates, money…) are left out, and gold spans of other types (MISC) are counted apart.
 * The administrative-prefix convention of both sides can be mapped to one ({@link AdminPrefix}).
 */
public final class EntityEvaluation {
    private EntityEvaluation() {}

    /** A span of units [start, end) with its type. */
    public record Span(int start, int end, String type) {
        boolean overlaps(Span o) {
            return start < o.end && o.start < end;
        }
    }

    /**
     * One sentence to score.
     *
     * @param text       what the extractor reads (normalised)
     * @param unitStarts start of each unit in {@code text}
     * @param unitEnds   end of each unit
     * @param gold       gold spans of the scored types, over units
     * @param other      gold spans of other types, counted only
     */
    public record Sentence(String text, int[] unitStarts, int[] unitEnds, List<Span> gold, List<Span> other) {
        /** The text of units [from, to). */
        String units(int from, int to) {
            return text.substring(unitStarts[from], unitEnds[to - 1]);
        }

        int size() {
            return unitStarts.length;
        }
    }

    /** The extractor's types that are scored, and as which gold type. */
    private static final Map<String, String> PREDICTED = Map.of(Entity.LOCATION, Entity.LOCATION, Entity.ROAD, Entity.LOCATION,
            Entity.ORGANIZATION, Entity.ORGANIZATION, Entity.PERSON, Entity.PERSON);

    public static EntityReport evaluate(List<Sentence> sentences, EntityExtractor extractor, AdminPrefix prefix) {
        return evaluate(sentences, extractor, prefix, null);
    }

    /**
     * @param differences if not null, each sentence with an error is printed there with its missed and
     *                    spurious spans (for development data: reading held-out errors defeats holding it out)
     */
    public static EntityReport evaluate(List<Sentence> sentences, EntityExtractor extractor, AdminPrefix prefix, PrintStream differences) {
        Map<String, int[]> exact = new LinkedHashMap<>(), partial = new LinkedHashMap<>();
        Map<String, Integer> ignored = new TreeMap<>();
        for (Sentence s : sentences) {
            s.other().forEach(o -> ignored.merge(o.type(), 1, Integer::sum));
            List<Span> gold = prefix.apply(s, s.gold());
            List<Span> predicted = prefix.apply(s, predict(s, extractor));
            Set<Span> goldLeft = new HashSet<>(gold);
            for (Span p : predicted) count(exact, p.type(), goldLeft.remove(p) ? 0 : 1);
            goldLeft.forEach(g -> count(exact, g.type(), 2));
            List<Span> unmatched = new ArrayList<>(gold);
            for (Span p : predicted) {
                Span hit = unmatched.stream().filter(g -> g.type().equals(p.type()) && g.overlaps(p)).findFirst().orElse(null);
                count(partial, p.type(), hit == null ? 1 : 0);
                unmatched.remove(hit);
            }
            unmatched.forEach(g -> count(partial, g.type(), 2));
            if (differences != null) printDifferences(differences, s, gold, predicted);
        }
        return new EntityReport(counts(exact), counts(partial), sentences.size(), ignored);
    }

    /** The extractor's scored entities as unit spans, overlapping ones dropped (the first kept). */
    static List<Span> predict(Sentence s, EntityExtractor extractor) {
        List<Span> out = new ArrayList<>();
        for (Entity e : extractor.extract(s.text())) {
            String type = PREDICTED.get(e.type());
            if (type == null) continue;
            int first = -1, last = -1;
            for (int i = 0; i < s.size(); i++) {
                if (s.unitStarts()[i] < e.end() && e.start() < s.unitEnds()[i]) {
                    if (first < 0) first = i;
                    last = i;
                }
            }
            if (first < 0) continue;
            Span span = new Span(first, last + 1, type);
            if (out.stream().noneMatch(span::overlaps)) out.add(span);
        }
        return out;
    }

    /** {@code what}: 0 true positive, 1 false positive, 2 false negative. */
    private static void count(Map<String, int[]> counts, String type, int what) {
        counts.computeIfAbsent(type, k -> new int[3])[what]++;
    }

    private static Map<String, EntityReport.Counts> counts(Map<String, int[]> raw) {
        Map<String, EntityReport.Counts> out = new LinkedHashMap<>();
        for (String type : EntityReport.SCORED) {
            int[] c = raw.getOrDefault(type, new int[3]);
            out.put(type, new EntityReport.Counts(c[0], c[1], c[2]));
        }
        return out;
    }

    private static void printDifferences(PrintStream out, Sentence s, List<Span> gold, List<Span> predicted) {
        List<String> missed = new ArrayList<>(), spurious = new ArrayList<>();
        for (Span g : gold) if (!predicted.contains(g)) missed.add(g.type() + " " + s.units(g.start(), g.end()));
        for (Span p : predicted) if (!gold.contains(p)) spurious.add(p.type() + " " + s.units(p.start(), p.end()));
        if (missed.isEmpty() && spurious.isEmpty()) return;
        out.println("| " + s.text());
        missed.forEach(m -> out.println("|   missed   " + m));
        spurious.forEach(p -> out.println("|   spurious " + p));
    }
}
