package vn.iocstream.nlp.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.entity.EntityEvaluation.Sentence;
import vn.iocstream.nlp.entity.EntityEvaluation.Span;

/**
 * The hand annotation of Dân Trí sentences ({@code nlp/src/test/resources/entity/dantri/annotations.tsv},
 * its GUIDELINE.md says how it was drawn and annotated): references into the corpus, which is read at run
 * time, so the repository holds no corpus text. Each row: {@code doc_id}, {@code url}, sentence index,
 * the first 16 hex digits of the SHA-256 of the sentence, split, and {@code START-END:TYPE} spans over the
 * sentence's syllables (maximal runs of letters, marks and digits). A sentence whose hash or url differs
 * stops the reading: a changed corpus is reported, not scored against the wrong text.
 */
public final class DantriAnnotations {
    private DantriAnnotations() {}

    /** One annotated sentence. */
    public record Row(String docId, String url, int sentence, String sha, String split, List<Span> spans) {}

    public static final List<String> SPLITS = List.of("dev", "heldout");
    private static final Map<String, String> TYPES = Map.of("LOC", Entity.LOCATION, "ORG", Entity.ORGANIZATION, "PER", Entity.PERSON);
    private static final Pattern SPAN = Pattern.compile("(\\d+)-(\\d+):(LOC|ORG|PER)");
    private static final Pattern SYLLABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    /** The rows of an annotation file. */
    public static List<Row> rows(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t", -1);
            if (c.length != 6 || !SPLITS.contains(c[4])) throw new IllegalArgumentException("bad annotation row: " + line);
            List<Span> spans = new ArrayList<>();
            for (String s : c[5].isBlank() ? new String[0] : c[5].strip().split(" ")) {
                Matcher m = SPAN.matcher(s);
                if (!m.matches()) throw new IllegalArgumentException("bad span " + s + " in: " + line);
                spans.add(new Span(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), TYPES.get(m.group(3))));
            }
            rows.add(new Row(c[0], c[1], Integer.parseInt(c[2]), c[3], c[4], spans));
        }
        return rows;
    }

    /**
     * The sentences of the rows of {@code split} (null: all), rebuilt from the corpus and normalised as
     * {@code analyze()} normalises press text.
     *
     * @throws IllegalArgumentException if the corpus differs from the annotation
     */
    public static List<Sentence> sentences(List<Row> rows, DantriCorpus corpus, String split) {
        List<Sentence> out = new ArrayList<>();
        for (Row row : rows) {
            if (split != null && !row.split().equals(split)) continue;
            String raw = text(row, corpus);
            String text = TextNormalizer.normalize(raw);
            List<int[]> syllables = syllables(text);
            if (syllables.size() != syllables(raw).size()) {
                throw new IllegalStateException("normalisation changed the syllables of " + row.docId() + " sentence " + row.sentence());
            }
            int[] starts = new int[syllables.size()], ends = new int[syllables.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = syllables.get(i)[0];
                ends[i] = syllables.get(i)[1];
            }
            for (Span s : row.spans()) {
                if (s.start() < 0 || s.end() > starts.length || s.start() >= s.end()) {
                    throw new IllegalArgumentException("span " + s + " outside " + row.docId() + " sentence " + row.sentence());
                }
            }
            out.add(new Sentence(text, starts, ends, row.spans(), List.of()));
        }
        return out;
    }

    /** The corpus sentence of a row, checked against the row's url and hash. */
    static String text(Row row, DantriCorpus corpus) {
        DantriCorpus.Article a = corpus.article(row.docId());
        if (!a.url().equals(row.url()) || row.sentence() >= a.sentences().size()
                || !sha(a.sentences().get(row.sentence())).equals(row.sha())) {
            throw new IllegalArgumentException("the corpus differs from the annotation at " + row.docId() + " sentence " + row.sentence()
                    + " (url, index or text hash): is it the same version of unc_dantri_2020_2021.jsonl.gz?");
        }
        return a.sentences().get(row.sentence());
    }

    /** First 16 hex digits of the SHA-256 of the UTF-8 text. */
    static String sha(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** [start, end) of each syllable. */
    static List<int[]> syllables(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = SYLLABLE.matcher(text);
        while (m.find()) out.add(new int[] {m.start(), m.end()});
        return out;
    }
}
