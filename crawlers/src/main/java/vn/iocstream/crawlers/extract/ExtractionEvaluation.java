package vn.iocstream.crawlers.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import vn.iocstream.core.json.Json;

/**
 * Article-body quality by the definition of the Scrapinghub article-extraction benchmark (its evaluate.py):
 * Unicode {@code \w+} tokens, the multiset of 4-token shingles of the expected and the extracted body,
 * per-page precision and recall (1 when both are empty), each averaged over the pages where it is defined,
 * and F1 as the harmonic mean of the two averages. Beside it, a check that token shingles hide: the share of the
 * reference's sentences found verbatim in the extraction, over all pages' sentences; a link's words cut out of a
 * sentence cost F1 little and that sentence entirely. Whitespace does not count (a reference writes "Browns ’ Week"
 * where the page's inline elements give "Browns’ Week"): every other character does.
 */
public final class ExtractionEvaluation {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;
    /** A sentence ends at . ! ? or … followed by space and what starts a sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\p{N}\"“‘'(\\[])");
    private static final Pattern WORD = Pattern.compile("\\w", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Shingle counts of one page (tp + fp = extracted shingles, tp + fn = expected ones), and of the expected body's
     * sentences, how many the extraction holds verbatim.
     */
    public record PageScore(String id, double tp, double fp, double fn, int sentences, int sentencesFound) {
        public boolean hasPrecision() {
            return tp + fp > 0;
        }

        public boolean hasRecall() {
            return tp + fn > 0;
        }

        public double precision() {
            return fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
        }

        public double recall() {
            return fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Share of the expected sentences found verbatim; 1 when the expected body has none. */
        public double sentenceShare() {
            return sentences == 0 ? 1 : (double) sentencesFound / sentences;
        }
    }

    public record Result(List<PageScore> pages) {
        public double precision() {
            return pages.stream().filter(PageScore::hasPrecision).mapToDouble(PageScore::precision).average().orElse(0);
        }

        public double recall() {
            return pages.stream().filter(PageScore::hasRecall).mapToDouble(PageScore::recall).average().orElse(0);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Expected sentences found verbatim, over all pages' expected sentences. */
        public double sentenceShare() {
            int all = pages.stream().mapToInt(PageScore::sentences).sum();
            return all == 0 ? 1 : (double) pages.stream().mapToInt(PageScore::sentencesFound).sum() / all;
        }

        /** With {@code verbose}, one row per page (worst F1 first) before the summary. */
        public void print(PrintStream out, boolean verbose) {
            if (verbose) {
                out.printf("%-64s %9s %6s %6s %9s%n", "page", "precision", "recall", "F1", "sentences");
                pages.stream().sorted((a, b) -> Double.compare(a.f1(), b.f1()))
                        .forEach(p -> out.printf(Locale.ROOT, "%-64s %9.3f %6.3f %6.3f %9s%n", p.id(), p.precision(),
                                p.recall(), p.f1(), p.sentencesFound() + "/" + p.sentences()));
            }
            out.printf(Locale.ROOT, "pages: %d, reference sentences: %d%n", pages.size(), pages.stream().mapToInt(PageScore::sentences).sum());
            out.printf(Locale.ROOT, "extract F1=%.3f precision=%.3f recall=%.3f sentences=%.3f%n", f1(), precision(), recall(),
                    sentenceShare());
        }
    }

    private ExtractionEvaluation() {}

    public static PageScore score(String id, String expected, String extracted) {
        Map<List<String>, Integer> truth = shingles(expected);
        Map<List<String>, Integer> pred = shingles(extracted);
        double tp = 0, fp = 0, fn = 0;
        for (Map.Entry<List<String>, Integer> e : pred.entrySet()) {
            int t = truth.getOrDefault(e.getKey(), 0);
            tp += Math.min(t, e.getValue());
            fp += Math.max(0, e.getValue() - t);
        }
        for (Map.Entry<List<String>, Integer> e : truth.entrySet()) {
            fn += Math.max(0, e.getValue() - pred.getOrDefault(e.getKey(), 0));
        }
        List<String> sentences = sentences(expected);
        String haystack = withoutSpace(String.join("", normalisedLines(extracted)));
        int found = 0;
        for (String sentence : sentences) if (haystack.contains(withoutSpace(sentence))) found++;
        return new PageScore(id, tp, fp, fn, sentences.size(), found);
    }

    /** The sentences of a text, whitespace-normalised; pieces without a word character are not sentences. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : normalisedLines(text)) {
            for (String s : SENTENCE_END.split(line)) {
                if (WORD.matcher(s).find()) out.add(s.strip());
            }
        }
        return out;
    }

    private static String withoutSpace(String s) {
        return s.replace(" ", "");
    }

    /** NFC, zero-width characters out, each line's whitespace runs (no-break spaces too) as one space. */
    private static List<String> normalisedLines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) return lines;
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\ufeff\\u200b]", "");
        for (String line : nfc.split("\\R")) {
            String t = line.replaceAll("[\\s\\u00a0]+", " ").strip();
            if (!t.isEmpty()) lines.add(t);
        }
        return lines;
    }

    /** A text shorter than four tokens is one shorter shingle, as in the benchmark. */
    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) tokens.add(m.group());
        Map<List<String>, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) return counts;
        for (int i = 0; i < Math.max(1, tokens.size() - SHINGLE + 1); i++) {
            counts.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + SHINGLE))), 1, Integer::sum);
        }
        return counts;
    }

    /** {@code articleBody} by page id from a benchmark JSON file (ground truth or an extractor's output). */
    public static Map<String, String> bodies(Path json) {
        try (InputStream in = open(json)) {
            JsonNode root = Json.MAPPER.readTree(in);
            if (root == null || !root.isObject()) throw new IllegalArgumentException(json + ": not a JSON object of pages");
            Map<String, String> out = new LinkedHashMap<>();
            root.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().path("articleBody").asText("")));
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException(json + ": cannot read: " + e.getMessage());
        }
    }

    /** Scores ready-made extractions (another extractor's output file) against the ground truth. */
    public static Result score(Map<String, String> truth, Map<String, String> extracted) {
        List<PageScore> pages = new ArrayList<>();
        truth.forEach((id, body) -> pages.add(score(id, body, extracted.getOrDefault(id, ""))));
        return new Result(pages);
    }

    /**
     * Runs {@code extractor} (parsed page → body) on every page of a benchmark folder: {@code DIR/ground-truth.json}
     * and {@code DIR/html/ID.html.gz}. Progress goes to {@code progress}, one line every 25 pages.
     *
     * @throws IllegalArgumentException with a one-line reason when DIR is not such a folder
     */
    public static Result evaluate(Path dir, Function<Document, String> extractor, PrintStream progress) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("not a directory: " + dir);
        Path truthFile = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) throw new IllegalArgumentException("no ground-truth.json in " + dir);
        Map<String, Map.Entry<String, String>> truth = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(truthFile)) {
            JsonNode root = Json.MAPPER.readTree(in);
            if (root == null || !root.isObject()) throw new IllegalArgumentException(truthFile + ": not a JSON object of pages");
            root.fields().forEachRemaining(e -> truth.put(e.getKey(),
                    Map.entry(e.getValue().path("url").asText(""), e.getValue().path("articleBody").asText(""))));
        } catch (IOException e) {
            throw new IllegalArgumentException(truthFile + ": cannot read: " + e.getMessage());
        }
        if (truth.isEmpty()) throw new IllegalArgumentException(truthFile + " lists no pages");
        List<PageScore> pages = new ArrayList<>();
        for (Map.Entry<String, Map.Entry<String, String>> page : truth.entrySet()) {
            Path html = dir.resolve("html").resolve(page.getKey() + ".html.gz");
            if (!Files.isRegularFile(html)) throw new IllegalArgumentException("missing page " + html);
            String url = page.getValue().getKey();
            Document doc;
            try (InputStream in = open(html)) {
                doc = Jsoup.parse(in, null, url);
            } catch (IOException e) {
                throw new IllegalArgumentException(html + ": cannot read: " + e.getMessage());
            }
            pages.add(score(page.getKey(), page.getValue().getValue(), extractor.apply(doc)));
            if (pages.size() % 25 == 0 || pages.size() == truth.size()) {
                progress.printf("extract: %d/%d pages%n", pages.size(), truth.size());
            }
        }
        return new Result(pages);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }
}
