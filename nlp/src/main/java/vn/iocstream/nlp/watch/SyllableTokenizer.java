package vn.iocstream.nlp.watch;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Splits already normalised text into syllables and maps each as ICU nfkc_cf (then, when folding,
 * Lucene's ASCII folding) would, in one pass over the text: it replaces StandardTokenizer,
 * ICUNormalizer2Filter, ASCIIFoldingFilter and ShingleFilter, which together cost several times more
 * on a 1 KB post.
 *
 * <p>A syllable is a run of letters, digits and combining marks; a '.' or ',' between two digits stays
 * inside it, so numbers like 1.000 and 3,5 are one token as with StandardTokenizer. Everything else
 * separates syllables ("TP.HCM" is "tp", "hcm"). Characters of the Latin and Vietnamese blocks whose
 * mapping is one character are mapped through a table; a syllable with any other character goes
 * through ICU and the folding filter's own code, so the terms are those of the filters it replaces.
 * With {@code bigrams}, each syllable but the last is followed by the bigram it starts
 * ("tai" "tai nạn" "nạn"), at the same position.
 */
final class SyllableTokenizer extends Tokenizer {
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    /** Covers Basic Latin to Latin Extended-B and Latin Extended Additional (Vietnamese). */
    private static final int TABLE_SIZE = 0x1F00;
    private static final char[] EXACT = new char[TABLE_SIZE];
    private static final char[] FOLDED = new char[TABLE_SIZE];

    static {
        char[] folded = new char[8];
        for (char c = 0; c < TABLE_SIZE; c++) {
            if ((c >= 0x250 && c < 0x1E00) || !Character.isLetterOrDigit(c)) continue;
            String mapped = NFKC_CF.normalize(String.valueOf(c));
            if (mapped.length() != 1) continue;
            EXACT[c] = mapped.charAt(0);
            if (ASCIIFoldingFilter.foldToASCII(mapped.toCharArray(), 0, folded, 0, 1) == 1) FOLDED[c] = folded[0];
        }
        for (char separator : new char[] {'.', ','}) EXACT[separator] = FOLDED[separator] = separator; // inside numbers
    }

    private final boolean fold;
    private final boolean bigrams;
    private final QueryVocabulary vocabulary;
    /**
     * The vocabulary's answers per syllable ({@link #KEPT}, {@link #STARTS_BIGRAM}): posts repeat their
     * syllables and the language has a few thousand, so one hash probe replaces the set and prefix searches.
     */
    private final CharArrayMap<Byte> answers = new CharArrayMap<>(1024, false);
    private static final int MAX_ANSWERS = 20_000;
    private static final byte KEPT = 1;
    private static final byte STARTS_BIGRAM = 2;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);

    private char[] text = new char[2048];
    private int length;
    private int cursor;
    /** The last syllable read, and the one before it (for its bigram); swapped as reading goes on. */
    private Term current = new Term();
    private Term previous = new Term();
    /** Index of the current syllable, and of the syllable of the last term emitted. */
    private int position;
    private int emitted;
    /** The current syllable's unigram is still to be emitted, after its bigram with the previous one. */
    private boolean unigramPending;

    private static final class Term {
        char[] chars = new char[32];
        int length;
        int start;
        int end;
    }

    /** {@code vocabulary}: if not null, only its terms are emitted, each at its syllable's position. */
    SyllableTokenizer(boolean fold, boolean bigrams, QueryVocabulary vocabulary) {
        this.fold = fold;
        this.bigrams = bigrams;
        this.vocabulary = vocabulary;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        while (true) {
            if (unigramPending) {
                unigramPending = false;
                if (vocabulary == null || (answers(current) & KEPT) != 0) {
                    termAtt.copyBuffer(current.chars, 0, current.length);
                    return emit(current.start, current.end, position);
                }
                continue;
            }
            Term swap = previous;
            previous = current;
            current = swap;
            if (!next(current)) return false;
            position++;
            unigramPending = true;
            if (bigrams && position > 0 && (vocabulary == null || (answers(previous) & STARTS_BIGRAM) != 0)) {
                char[] out = termAtt.resizeBuffer(previous.length + 1 + current.length);
                System.arraycopy(previous.chars, 0, out, 0, previous.length);
                out[previous.length] = TextAnalyzers.BIGRAM_SEPARATOR.charAt(0);
                System.arraycopy(current.chars, 0, out, previous.length + 1, current.length);
                termAtt.setLength(previous.length + 1 + current.length);
                if (vocabulary == null || vocabulary.containsBigram(termAtt.buffer(), termAtt.length())) {
                    posLenAtt.setPositionLength(2);
                    return emit(previous.start, current.end, position - 1);
                }
            }
        }
    }

    private byte answers(Term t) {
        Byte known = answers.get(t.chars, 0, t.length);
        if (known != null) return known;
        byte answer = (byte) ((vocabulary.containsSyllable(t.chars, t.length) ? KEPT : 0)
                | (vocabulary.startsBigram(t.chars, t.length) ? STARTS_BIGRAM : 0));
        if (answers.size() < MAX_ANSWERS) answers.put(Arrays.copyOf(t.chars, t.length), answer);
        return answer;
    }

    /** Emits the term already in the attribute at syllable {@code at}, after any syllables dropped. */
    private boolean emit(int start, int end, int at) {
        offsetAtt.setOffset(correctOffset(start), correctOffset(end));
        posIncAtt.setPositionIncrement(at - emitted);
        emitted = at;
        return true;
    }

    /** Reads the next syllable into {@code t}; false at the end of the text. */
    private boolean next(Term t) {
        while (true) {
            while (cursor < length && !isSyllableChar(cursor)) cursor++;
            if (cursor == length) return false;
            int start = cursor;
            while (cursor < length && (isSyllableChar(cursor) || isNumberSeparator(cursor, start))) cursor++;
            if (map(start, cursor, t)) return true;
        }
    }

    private boolean isSyllableChar(int i) {
        char c = text[i];
        if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        int cp = Character.codePointAt(text, i, length);
        if (Character.isLetterOrDigit(cp)) return true;
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text[i - 1])) {
            return isSyllableChar(i - 1);
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private boolean isNumberSeparator(int i, int start) {
        char c = text[i];
        return (c == '.' || c == ',') && i > start && i + 1 < length
                && Character.isDigit(text[i - 1]) && Character.isDigit(text[i + 1]);
    }

    /** Maps text[start, end) into {@code t}; false if nothing is left of it. */
    private boolean map(int start, int end, Term t) {
        char[] table = fold ? FOLDED : EXACT;
        int n = end - start;
        if (t.chars.length < n) t.chars = new char[Math.max(n, 2 * t.chars.length)];
        boolean fast = true;
        for (int i = 0; i < n; i++) {
            char c = text[start + i];
            char m = c < TABLE_SIZE ? table[c] : 0;
            if (m == 0) {
                fast = false;
                break;
            }
            t.chars[i] = m;
        }
        if (fast) {
            t.length = n;
        } else {
            char[] mapped = NFKC_CF.normalize(new String(text, start, n)).toCharArray();
            // ASCII folding writes at most four characters for one.
            int capacity = fold ? 4 * mapped.length : mapped.length;
            if (t.chars.length < capacity) t.chars = new char[capacity];
            if (fold) {
                t.length = ASCIIFoldingFilter.foldToASCII(mapped, 0, t.chars, 0, mapped.length);
            } else {
                System.arraycopy(mapped, 0, t.chars, 0, mapped.length);
                t.length = mapped.length;
            }
        }
        t.start = start;
        t.end = end;
        return t.length > 0;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        for (int read; (read = input.read(text, length, text.length - length)) != -1; ) {
            length += read;
            if (length == text.length) text = Arrays.copyOf(text, 2 * text.length);
        }
        cursor = 0;
        position = -1;
        emitted = -1;
        unigramPending = false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = correctOffset(length);
        offsetAtt.setOffset(finalOffset, finalOffset);
    }
}
