package vn.iocstream.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.process.AbstractTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.iocstream.nlp.LexiconSegmenter;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.Tokenizer;
import vn.iocstream.nlp.WordSegmenter;

/**
 * CoreNLP tokenizer for normalised Vietnamese text: {@link Tokenizer} finds syllables, numbers, URLs,
 * phones, punctuation…; a {@link WordSegmenter} joins syllables into words ("tai nạn" is one token,
 * with its inner space). Each token carries Value/Word/OriginalText, character offsets into the
 * document text, Before/After and its {@link PipelineAnnotations.TokenTypeAnnotation}; each line break
 * becomes a {@code *NL*} token with {@code IsNewlineAnnotation}, which is what CoreNLP's own
 * {@code ssplit} needs to end sentences at line breaks.
 *
 * <p>Registered with {@code customAnnotatorClass.NAME}; the property {@code NAME.segmenter} names a
 * segmenter registered with {@link #registerSegmenter} ({@value #BUILT_IN}, the default, is
 * {@link LexiconSegmenter#builtIn()}). A registry is needed because CoreNLP builds annotators from
 * string properties only. Stateless once built, so CoreNLP may share it between pipelines and threads
 * (its default annotator pool caches annotators by their properties) as long as the segmenter is
 * thread-safe; a non-thread-safe segmenter (VnCoreNLP) must be registered once per thread under its
 * own key.
 */
public final class VietnameseTokenizerAnnotator implements Annotator {

    public static final String BUILT_IN = "builtin";
    private static final Map<String, WordSegmenter> SEGMENTERS = new ConcurrentHashMap<>(Map.of(BUILT_IN, LexiconSegmenter.builtIn()));

    /**
     * Abbreviations whose full stop is glued to them ("TS. Nguyễn Văn A", "TP. Thủ Đức"), as the
     * English tokenizer does for "Dr.", so that ssplit does not end a sentence there.
     */
    private static final Set<String> ABBREVIATIONS = Set.of("TS", "ThS", "PGS", "GS", "BS", "KS", "LS", "TP", "Tp", "Q", "P", "TX", "TT", "Mr", "Mrs", "St");

    /**
     * Annotations a token ends up with: the 11 set here, ssplit's index and sentence index, the
     * entity tag. Allocated at once, a label is not copied into ever larger arrays as they are added.
     */
    private static final int LABEL_CAPACITY = 14;

    private final WordSegmenter segmenter;

    /** The constructor CoreNLP calls for a custom annotator. */
    public VietnameseTokenizerAnnotator(String name, Properties props) {
        String key = props.getProperty(name + ".segmenter", BUILT_IN);
        this.segmenter = SEGMENTERS.get(key);
        if (segmenter == null) throw new IllegalArgumentException("no word segmenter registered as " + key);
    }

    /** Makes {@code segmenter} available to pipelines whose property {@code NAME.segmenter} is {@code key}. */
    public static void registerSegmenter(String key, WordSegmenter segmenter) {
        SEGMENTERS.put(key, segmenter);
    }

    @Override
    public void annotate(Annotation annotation) {
        String text = annotation.get(CoreAnnotations.TextAnnotation.class);
        List<Token> tokens = Tokenizer.tokens(text);
        annotation.set(PipelineAnnotations.SyllableTokensAnnotation.class, tokens);
        annotation.set(CoreAnnotations.TokensAnnotation.class, tokenize(text, tokens));
    }

    private List<CoreLabel> tokenize(String text, List<Token> tokens) {
        int[] wordEnds = multiSyllableWords(text, tokens);
        List<CoreLabel> out = new ArrayList<>(tokens.size());
        int previousEnd = 0;
        // the first line break from previousEnd on, searched again only once passed (not per token)
        int newline = text.indexOf('\n');
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (newline >= 0 && newline < previousEnd) newline = text.indexOf('\n', previousEnd);
            if (newline >= 0 && newline < t.start()) {
                out.add(label(AbstractTokenizer.NEWLINE_TOKEN, "\n", newline, null));
            }
            int end = t.end();
            int wordEnd = wordEnds[t.start()];
            if (wordEnd > 0) {
                while (i + 1 < tokens.size() && tokens.get(i + 1).end() <= wordEnd) i++;
                end = tokens.get(i).end();
            } else if (t.type() == Token.Type.WORD && i + 1 < tokens.size() && tokens.get(i + 1).start() == end
                    && tokens.get(i + 1).text().equals(".") && ABBREVIATIONS.contains(t.text())) {
                end = tokens.get(++i).end();
            }
            Token.Type type = t.type();
            // A full stop glued on both sides ("20.000đ", "v.v") is inside a token, not a sentence end.
            while (i + 2 < tokens.size() && tokens.get(i + 1).text().equals(".") && tokens.get(i + 1).start() == end
                    && tokens.get(i + 2).start() == end + 1 && tokens.get(i + 2).type() != Token.Type.PUNCT) {
                i += 2;
                end = tokens.get(i).end();
                type = Token.Type.WORD;
            }
            // The token's own text when the word is that one token: no second copy, and none for OriginalText.
            String word = end == t.end() ? t.text() : text.substring(t.start(), end);
            out.add(label(word, word, t.start(), type));
            previousEnd = end;
        }
        if (newline >= 0 && newline < previousEnd) newline = text.indexOf('\n', previousEnd);
        if (newline >= 0) out.add(label(AbstractTokenizer.NEWLINE_TOKEN, "\n", newline, null));
        // What follows a token is what precedes the next one: one string for both.
        String gap = out.isEmpty() ? "" : text.substring(0, out.get(0).beginPosition());
        for (int i = 0; i < out.size(); i++) {
            CoreLabel l = out.get(i);
            l.setBefore(gap);
            l.set(CoreAnnotations.TokenBeginAnnotation.class, i);
            l.set(CoreAnnotations.TokenEndAnnotation.class, i + 1);
            gap = text.substring(l.endPosition(), i + 1 < out.size() ? out.get(i + 1).beginPosition() : text.length());
            l.setAfter(gap);
        }
        return out;
    }

    /**
     * Start offset → end offset of each word of more than one syllable (0 at other offsets: a word
     * ends after it starts), found by segmenting each line
     * and locating the segmenter's words in it in order (the interface returns strings, not offsets).
     * Each line is segmented from its share of the document's tokens: no token crosses a line break,
     * and the token pattern sees a line break as it sees the start or end of the text.
     */
    private int[] multiSyllableWords(String text, List<Token> tokens) {
        int[] ends = new int[text.length()];
        int lineStart = 0, firstToken = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            int lastToken = firstToken;
            while (lastToken < tokens.size() && tokens.get(lastToken).start() < lineEnd) lastToken++;
            int pos = lineStart;
            for (String word : segmenter.segment(text, lineStart, lineEnd, tokens.subList(firstToken, lastToken))) {
                if (word.indexOf(' ') < 0) {
                    int at = text.indexOf(word, pos);
                    if (at >= 0 && at < lineEnd) pos = at + word.length();
                    continue;
                }
                int start = -1;
                int p = pos;
                for (String part : word.split(" ")) {
                    int at = text.indexOf(part, p);
                    if (at < 0 || at >= lineEnd) {
                        start = -1;
                        break;
                    }
                    if (start < 0) start = at;
                    p = at + part.length();
                }
                if (start >= 0) {
                    ends[start] = p;
                    pos = p;
                }
            }
            lineStart = lineEnd + 1;
            firstToken = lastToken;
        }
        return ends;
    }

    /** A token whose text in the document is {@code original}; {@code type} null for a line break. */
    private static CoreLabel label(String word, String original, int start, Token.Type type) {
        CoreLabel l = new CoreLabel(LABEL_CAPACITY);
        l.setValue(word);
        l.setWord(word);
        l.setOriginalText(original);
        l.setBeginPosition(start);
        l.setEndPosition(start + original.length());
        l.set(CoreAnnotations.IsNewlineAnnotation.class, type == null);
        if (type != null) l.set(PipelineAnnotations.TokenTypeAnnotation.class, type);
        return l;
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requires() {
        return Set.of();
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
        return Set.of(CoreAnnotations.TextAnnotation.class, CoreAnnotations.TokensAnnotation.class,
                CoreAnnotations.ValueAnnotation.class, CoreAnnotations.OriginalTextAnnotation.class,
                CoreAnnotations.CharacterOffsetBeginAnnotation.class, CoreAnnotations.CharacterOffsetEndAnnotation.class,
                CoreAnnotations.IsNewlineAnnotation.class, CoreAnnotations.TokenBeginAnnotation.class,
                CoreAnnotations.TokenEndAnnotation.class, CoreAnnotations.BeforeAnnotation.class,
                CoreAnnotations.AfterAnnotation.class, PipelineAnnotations.TokenTypeAnnotation.class,
                PipelineAnnotations.SyllableTokensAnnotation.class);
    }
}
