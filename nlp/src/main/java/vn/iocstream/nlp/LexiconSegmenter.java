package vn.iocstream.nlp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Greedy longest matching over a lexicon of multi-syllable words ({@code words.txt}). Simple and fast;
 * it errs on overlapping ambiguities ("thuộc địa chỉ" becomes thuộc địa | chỉ where it means thuộc |
 * địa chỉ), which a statistical segmenter resolves. Immutable, thread-safe.
 */
public final class LexiconSegmenter implements TokenSegmenter {

    private static final LexiconSegmenter BUILT_IN = new LexiconSegmenter(loadWords());

    private final Set<String> words;
    private final int maxSyllables;

    /** @param words multi-syllable words, lower-case, normalised, syllables separated by one space */
    public LexiconSegmenter(Set<String> words) {
        this.words = Set.copyOf(words);
        this.maxSyllables = words.stream().mapToInt(w -> w.split(" ").length).max().orElse(1);
    }

    /** The segmenter with the lexicon shipped in this jar. */
    public static LexiconSegmenter builtIn() {
        return BUILT_IN;
    }

    @Override
    public List<String> segment(String text, int from, int to, List<Token> tokens) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.type() == Token.Type.PUNCT) {
                i++;
                continue;
            }
            int n = t.type() == Token.Type.WORD ? longestWord(text, tokens, i) : 1;
            out.add(n == 1 ? t.text() : String.join(" ", texts(tokens.subList(i, i + n))));
            i += n;
        }
        return out;
    }

    /** Number of syllables, from token i, of the longest lexicon word there (1 if none). */
    private int longestWord(String text, List<Token> tokens, int i) {
        StringBuilder key = new StringBuilder(tokens.get(i).text().toLowerCase(Locale.ROOT));
        int best = 1;
        for (int j = i + 1; j < tokens.size() && j - i < maxSyllables; j++) {
            Token next = tokens.get(j);
            // Only syllables separated by plain spaces form a word; punctuation and line breaks split.
            int gap = tokens.get(j - 1).end();
            if (next.type() != Token.Type.WORD || next.start() != gap + 1 || text.charAt(gap) != ' ') {
                break;
            }
            key.append(' ').append(next.text().toLowerCase(Locale.ROOT));
            if (words.contains(key.toString())) best = j - i + 1;
        }
        return best;
    }

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    private static Set<String> loadWords() {
        Set<String> words = new HashSet<>();
        for (String[] row : Resources.rows("words.txt")) {
            words.add(TextNormalizer.normalize(row[0]).toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
