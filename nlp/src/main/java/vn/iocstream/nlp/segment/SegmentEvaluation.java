package vn.iocstream.nlp.segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.Tokenizer;
import vn.iocstream.nlp.WordSegmenter;

/**
 * Word segmentation precision, recall and F1 by the CoNLL 2018 shared-task definition: each sentence's
 * raw text ({@code # text =}) goes through the segmenter, and a system word is correct when its span
 * over the non-whitespace characters equals a gold word's span.
 *
 * <p>Gold words include punctuation, which {@link WordSegmenter} drops by contract; so the
 * {@link Tokenizer}'s punctuation tokens that no system word covers are scored as system words. The
 * figure then measures the whole tokenisation the pipeline uses and is comparable with published
 * CoNLL 2018 word F1 (every syllable a word scores about 0.73 on UD Vietnamese-VTB dev this way).
 */
public final class SegmentEvaluation {
    private SegmentEvaluation() {}

    public static SegmentReport evaluate(Path conllu, WordSegmenter segmenter) throws IOException {
        List<Conllu.Sentence> sentences = Conllu.read(conllu);
        long gold = 0, system = 0, correct = 0, nanos = 0;
        for (Conllu.Sentence s : sentences) {
            long t0 = System.nanoTime();
            List<String> words = segmenter.segment(s.text());
            nanos += System.nanoTime() - t0;

            Spans.Stripped stripped = Spans.Stripped.of(s.text());
            Set<Long> goldSpans = new HashSet<>();
            for (long[] span : Spans.of(stripped, s.words())) goldSpans.add(Spans.key(span));
            List<long[]> found = Spans.of(stripped, words);
            List<long[]> systemSpans = withPunctuation(s.text(), stripped, found);

            gold += s.words().size();
            // words that could not be located still count as (wrong) system words
            system += words.size() + systemSpans.size() - found.size();
            for (long[] span : systemSpans) {
                if (goldSpans.contains(Spans.key(span))) correct++;
            }
        }
        return new SegmentReport(sentences.size(), gold, system, correct, nanos);
    }

    /** System spans plus the spans of punctuation tokens that overlap none of them. */
    private static List<long[]> withPunctuation(String text, Spans.Stripped stripped, List<long[]> spans) {
        boolean[] covered = new boolean[stripped.chars().length()];
        for (long[] span : spans) {
            for (long i = span[0]; i < span[1]; i++) covered[(int) i] = true;
        }
        List<long[]> out = new ArrayList<>(spans);
        for (Token t : Tokenizer.tokens(text)) {
            if (t.type() != Token.Type.PUNCT) continue;
            int start = stripped.before()[t.start()], end = stripped.before()[t.end()];
            boolean free = true;
            for (int i = start; i < end; i++) free &= !covered[i];
            if (free) out.add(new long[] {start, end});
        }
        return out;
    }

}
