package vn.iocstream.nlp.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The two analyses of Vietnamese text that watchlists and search share. Input is expected to be
 * normalised by {@link vn.iocstream.nlp.TextNormalizer} first (NFC, one tone placement), which is what
 * makes "hoà" and "hòa" the same token; the analyzers only split into syllables and fold, in one
 * cheap pass ({@link SyllableTokenizer}).
 * <ul>
 *   <li>exact: syllables case-folded (ICU nfkc_cf), diacritics kept;</li>
 *   <li>folded: the same, then diacritics removed and đ → d, for text typed without them.</li>
 * </ul>
 * The shingled variants add syllable bigrams ("tai nạn") at the position of their first syllable
 * beside the unigrams, so that a two-syllable phrase is one term and longer phrases need fewer
 * positions to check.
 */
public final class TextAnalyzers {
    private TextAnalyzers() {}

    /** Separator inside a bigram term; a space never occurs inside a syllable token. */
    public static final String BIGRAM_SEPARATOR = " ";

    public static Analyzer exact(boolean bigrams) {
        return analyzer(false, bigrams);
    }

    public static Analyzer folded(boolean bigrams) {
        return analyzer(true, bigrams);
    }

    /** A syllable of analysed text with its character offsets. */
    public record Syllable(String term, int start, int end) {}

    /** Syllables of {@code text} in the field's unigram analysis. */
    public static List<Syllable> syllables(Analyzer unigrams, String text) {
        List<Syllable> out = new ArrayList<>();
        try (TokenStream ts = unigrams.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(new Syllable(term.toString(), offset.startOffset(), offset.endOffset()));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no I/O
        }
        return out;
    }

    /** The analysis for a post matched by fixed queries: only the terms in {@code vocabulary} are kept. */
    static Analyzer forVocabulary(boolean fold, QueryVocabulary vocabulary) {
        return analyzer(fold, true, vocabulary);
    }

    private static Analyzer analyzer(boolean fold, boolean bigrams) {
        return analyzer(fold, bigrams, null);
    }

    private static Analyzer analyzer(boolean fold, boolean bigrams, QueryVocabulary vocabulary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new SyllableTokenizer(fold, bigrams, vocabulary));
            }
        };
    }
}
