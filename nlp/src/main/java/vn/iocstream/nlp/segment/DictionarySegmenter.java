package vn.iocstream.nlp.segment;

import java.util.List;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.TokenSegmenter;

/**
 * Dictionary-based maximal matching: within each run of syllables, the split into the fewest words
 * of the lexicon (single syllables always allowed); among equally few, the one whose word lengths are
 * least even (largest sum of squared lengths), which keeps long compounds whole. Then adjacent words
 * whose syllables are all capitalised are joined as one proper name ("Tây Ninh", "Raymonde Dien"),
 * as Vietnamese treebanks write names. Knows no context, so it over-joins phrases the lexicon lists
 * ("cho biết", "có người") where the treebank splits them. Immutable, thread-safe.
 */
public final class DictionarySegmenter implements TokenSegmenter {

    private final Lexicon lexicon;

    public DictionarySegmenter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public List<String> segment(String text, int from, int to, List<Token> tokens) {
        return Syllables.words(text, tokens, run -> starts(run, lexicon.spans(run)));
    }

    /** Which syllables of a run start a word, given its {@link Lexicon#spans}. */
    boolean[] starts(List<Token> run, boolean[][] spans) {
        int n = run.size();
        // best split of the first j syllables: fewest words, then largest sum of squared lengths
        int[] words = new int[n + 1];
        int[] squares = new int[n + 1];
        int[] from = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            words[j] = Integer.MAX_VALUE;
            for (int i = Math.max(0, j - lexicon.maxSyllables()); i < j; i++) {
                if (j - i > 1 && !spans[i][j - i]) continue;
                int w = words[i] + 1;
                int sq = squares[i] + (j - i) * (j - i);
                if (w < words[j] || w == words[j] && sq > squares[j]) {
                    words[j] = w;
                    squares[j] = sq;
                    from[j] = i;
                }
            }
        }
        boolean[] starts = new boolean[n];
        for (int j = n; j > 0; j = from[j]) starts[from[j]] = true;
        joinNames(run, starts);
        return starts;
    }

    private static void joinNames(List<Token> run, boolean[] starts) {
        boolean prevCapitalised = false;
        int i = 0;
        while (i < run.size()) {
            int end = i + 1;
            while (end < run.size() && !starts[end]) end++;
            boolean capitalised = true;
            for (int k = i; k < end; k++) capitalised &= Syllables.capitalised(run.get(k));
            if (capitalised && prevCapitalised) starts[i] = false;
            prevCapitalised = capitalised;
            i = end;
        }
    }
}
