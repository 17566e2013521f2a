package vn.iocstream.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.AnalyzeBench;
import vn.iocstream.nlp.LexiconSegmenter;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.Tokenizer;
import vn.iocstream.nlp.WordSegmenter;

/** Segmenting a line from the document's tokens gives what segmenting the line's own text gives. */
class SegmentTokensTest {

    private static final String TEXT = "Sáng 12/11, tai nạn giao thông trên QL1A ở Bình Dương cũ.\n"
            + "ko bt dc ai chiu trach nhiem vs vu tai nan nay 😡 #tainan\n"
            + "Liên hệ 0912 345 678 hoặc www.baodongnai.com.vn, TP.HCM giá 5.000 đồng.";

    private static void assertSameAsPerLine(WordSegmenter segmenter) {
        List<Token> tokens = Tokenizer.tokens(TEXT);
        int lineStart = 0;
        for (String line : TEXT.split("\n")) {
            int lineEnd = lineStart + line.length();
            int from = lineStart;
            List<Token> lineTokens = tokens.stream().filter(t -> t.start() >= from && t.end() <= lineEnd).toList();
            assertThat(segmenter.segment(TEXT, lineStart, lineEnd, lineTokens)).isNotEmpty()
                    .isEqualTo(segmenter.segment(line));
            lineStart = lineEnd + 1;
        }
    }

    @Test
    void dictionarySegmenter_documentTokens_sameWordsAsLineText() {
        assertSameAsPerLine(new DictionarySegmenter(new Lexicon("test", List.of("tai nạn", "giao thông", "chịu trách nhiệm"))));
    }

    @Test
    void lexiconSegmenter_documentTokens_sameWordsAsLineText() {
        assertSameAsPerLine(new LexiconSegmenter(Set.of("tai nạn", "giao thông")));
    }

    @Test
    void spans_agreeWithContains() {
        Lexicon lexicon = new Lexicon("test", List.of("tai nạn", "tai nạn giao thông", "giao thông"));
        String[] keys = {"vụ", "tai", "nạn", "giao", "thông", "tai"};
        boolean[][] spans = lexicon.spans(keys);
        for (int i = 0; i < keys.length; i++) {
            for (int n = 2; n <= lexicon.maxSyllables() && i + n <= keys.length; n++) {
                assertThat(spans[i][n]).as("%d+%d", i, n).isEqualTo(lexicon.contains(keys, i, i + n));
            }
        }
        assertThat(spans[1][4]).isTrue();
    }

    /**
     * The trie walk of {@link Lexicon#spans} against the word set, on every run of generated press and
     * social posts, with the default word list (the bench's words) and one with old tone placement.
     */
    @Test
    void spans_agreeWithContains_onGeneratedPosts() {
        List<Lexicon> lexicons = new ArrayList<>(List.of(
                new Lexicon("test", List.of("tai nạn", "tai nạn giao thông", "giao thông", "Uỷ ban nhân dân", "hoà giải"))));
        if (Segmenters.defaultSegmenter() instanceof DictionarySegmenter d) lexicons.add(d.lexicon());
        for (AnalyzeBench.Post p : AnalyzeBench.posts(100, 1024, new Random(5))) {
            String text = "press".equals(p.kind()) ? TextNormalizer.normalize(p.text()) : TextNormalizer.normalizeSocial(p.text());
            for (List<Token> unit : Syllables.units(text, Tokenizer.tokens(text))) {
                if (!Syllables.isRun(unit)) continue;
                String[] keys = Syllables.keys(unit);
                for (Lexicon lexicon : lexicons) {
                    boolean[][] expected = new boolean[keys.length][lexicon.maxSyllables() + 1];
                    for (int i = 0; i < keys.length; i++) {
                        for (int n = 2; n <= lexicon.maxSyllables() && i + n <= keys.length; n++) {
                            expected[i][n] = lexicon.contains(keys, i, i + n);
                        }
                    }
                    assertThat(lexicon.spans(unit)).isDeepEqualTo(expected);
                    assertThat(lexicon.spans(keys)).isDeepEqualTo(expected);
                }
            }
        }
    }
}
