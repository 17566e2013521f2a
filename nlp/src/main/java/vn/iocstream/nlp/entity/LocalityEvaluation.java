package vn.iocstream.nlp.entity;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import vn.iocstream.core.geo.VietnameseKeys;

/**
 * How often a post's locality is right, on Dân Trí articles whose locality was annotated by hand
 * ({@code locality.tsv} beside the entity annotation): the province {@code analyze()} gives a post against
 * the current province the article is about ({@code -} when none: foreign or national news), and whether
 * the commune or ward it is about is among the places found.
 */
public final class LocalityEvaluation {
    private LocalityEvaluation() {}

    /** An annotated article: province ("" when none), commune as written ("" when none). */
    public record Truth(String docId, String province, String commune) {}

    /** What the analysis found: the post's province ("" when none) and the text of its LOCATION entities. */
    public record Found(String province, List<String> places) {}

    /**
     * @param withProvince         articles that are about a province
     * @param provinceRight        of those, the province found is that one
     * @param provinceNone         of those, no province found
     * @param withoutProvince      articles about no province
     * @param noneRight            of those, no province found
     * @param withCommune          articles about one commune or ward
     * @param communeAmongPlaces   of those, the commune's name is among the places found
     */
    public record Result(int withProvince, int provinceRight, int provinceNone, int withoutProvince, int noneRight,
                         int withCommune, int communeAmongPlaces) {
        public double accuracy() {
            int n = withProvince + withoutProvince;
            return n == 0 ? 0 : (double) (provinceRight + noneRight) / n;
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "articles about a province: %d; province right %d (%.3f), none found %d, another province %d%n",
                    withProvince, provinceRight, ratio(provinceRight, withProvince), provinceNone, withProvince - provinceRight - provinceNone);
            out.printf(Locale.ROOT, "articles about no province: %d; none found %d (%.3f)%n", withoutProvince, noneRight, ratio(noneRight, withoutProvince));
            out.printf(Locale.ROOT, "articles about one commune or ward: %d; its name among the places found %d (analyze() gives no commune)%n",
                    withCommune, communeAmongPlaces);
            out.printf(Locale.ROOT, "locality provinceAccuracy=%.4f provinceRecall=%.4f articles=%d%n", accuracy(),
                    ratio(provinceRight, withProvince), withProvince + withoutProvince);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }
    }

    /** The rows of a locality file; {@code ?} (the article does not say) is left out. */
    public static List<Truth> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Truth> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t", -1);
            if (c.length != 3) throw new IllegalArgumentException("bad locality row: " + line);
            if (c[1].equals("?")) continue;
            out.add(new Truth(c[0], c[1].equals("-") ? "" : c[1], c[2].equals("-") ? "" : c[2]));
        }
        return out;
    }

    /** @param analyze a post's text → what the analysis found */
    public static Result evaluate(List<Truth> truths, DantriCorpus corpus, Set<String> docIds, Function<String, Found> analyze) {
        int withProvince = 0, provinceRight = 0, provinceNone = 0, withoutProvince = 0, noneRight = 0, withCommune = 0, communeFound = 0;
        for (Truth t : truths) {
            if (!docIds.contains(t.docId())) continue;
            Found f = analyze.apply(corpus.article(t.docId()).text());
            if (t.province().isEmpty()) {
                withoutProvince++;
                if (f.province().isEmpty()) noneRight++;
            } else {
                withProvince++;
                if (f.province().equals(t.province())) provinceRight++;
                else if (f.province().isEmpty()) provinceNone++;
            }
            if (!t.commune().isEmpty()) {
                withCommune++;
                String name = name(t.commune());
                if (f.places().stream().anyMatch(p -> name(p).equals(name))) communeFound++;
            }
        }
        return new Result(withProvince, provinceRight, provinceNone, withoutProvince, noneRight, withCommune, communeFound);
    }

    /** A place's name without its administrative word, folded: "xã Việt Hùng" and "Việt Hùng" agree. */
    private static String name(String place) {
        String folded = VietnameseKeys.fold(place.strip());
        Set<String> prefixes = new LinkedHashSet<>();
        for (String w : AdminPrefix.WORDS) prefixes.add(VietnameseKeys.fold(w) + " ");
        for (String p : prefixes) {
            if (folded.startsWith(p) && folded.length() > p.length()) return folded.substring(p.length());
        }
        return folded;
    }
}
