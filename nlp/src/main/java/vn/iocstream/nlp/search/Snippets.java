package vn.iocstream.nlp.search;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import vn.iocstream.core.text.Html;
import vn.iocstream.nlp.watch.QueryCompiler;
import vn.iocstream.nlp.watch.TextAnalyzers;

/**
 * Highlighted snippets. Lucene's highlighters re-analyse the stored text with the analyzer of the one
 * field they highlight, so a match on the folded field ("tai nan") would not be found in the exact
 * text; here every syllable is analysed both ways and compared with the query's phrases as the
 * compiler analysed them, which marks "tai nạn" in the original for the query "tai nan".
 */
final class Snippets {
    private Snippets() {}

    static final int LENGTH = 240;
    /** Context kept before the first match. */
    private static final int BEFORE = 60;
    private static final Analyzer EXACT = TextAnalyzers.exact(false);
    private static final Analyzer FOLDED = TextAnalyzers.folded(false);

    /** Whether any phrase occurs in {@code text}. */
    static boolean matches(String text, List<QueryCompiler.Phrase> phrases) {
        boolean[] marked = mark(text, phrases);
        for (boolean m : marked) if (m) return true;
        return false;
    }

    /** A window of {@code text} around the first match, HTML-escaped, matched syllables in {@code <mark>}. */
    static String highlight(String text, List<QueryCompiler.Phrase> phrases) {
        List<TextAnalyzers.Syllable> syllables = TextAnalyzers.syllables(EXACT, text);
        boolean[] marked = mark(text, phrases);
        int first = 0;
        while (first < marked.length && !marked[first]) first++;
        int start = first < marked.length ? windowStart(text, syllables.get(first).start()) : 0;
        int end = Math.min(text.length(), start + LENGTH);
        if (end < text.length() && text.lastIndexOf(' ', end) > start) end = text.lastIndexOf(' ', end);

        StringBuilder out = new StringBuilder(LENGTH + 64);
        if (start > 0) out.append('…');
        int at = start;
        for (int i = 0; i < syllables.size(); i++) {
            TextAnalyzers.Syllable s = syllables.get(i);
            if (!marked[i] || s.start() < start || s.end() > end) continue;
            int runEnd = s.end();
            // One <mark> over a phrase: extend over following marked syllables separated by spaces only.
            while (i + 1 < syllables.size() && marked[i + 1] && syllables.get(i + 1).end() <= end
                    && text.substring(runEnd, syllables.get(i + 1).start()).isBlank()) {
                runEnd = syllables.get(++i).end();
            }
            Html.escape(text, at, s.start(), out);
            out.append("<mark>");
            Html.escape(text, s.start(), runEnd, out);
            out.append("</mark>");
            at = runEnd;
        }
        Html.escape(text, at, end, out);
        if (end < text.length()) out.append('…');
        return out.toString();
    }

    private static boolean[] mark(String text, List<QueryCompiler.Phrase> phrases) {
        List<TextAnalyzers.Syllable> exact = TextAnalyzers.syllables(EXACT, text);
        List<TextAnalyzers.Syllable> folded = TextAnalyzers.syllables(FOLDED, text);
        boolean[] marked = new boolean[exact.size()];
        for (QueryCompiler.Phrase p : phrases) {
            List<TextAnalyzers.Syllable> side = p.exact() ? exact : folded;
            int n = p.syllables().size();
            for (int i = 0; i + n <= side.size(); i++) {
                if (occursAt(side, i, p)) Arrays.fill(marked, i, i + n, true);
            }
        }
        return marked;
    }

    private static boolean occursAt(List<TextAnalyzers.Syllable> side, int i, QueryCompiler.Phrase p) {
        int last = p.syllables().size() - 1;
        for (int k = 0; k <= last; k++) {
            String term = side.get(i + k).term();
            String want = p.syllables().get(k);
            if (k == last && p.prefix() ? !term.startsWith(want) : !term.equals(want)) return false;
        }
        return true;
    }

    /** Some context before the first match, starting at a word. */
    private static int windowStart(String text, int match) {
        if (match <= BEFORE) return 0;
        int space = text.indexOf(' ', match - BEFORE);
        return space < 0 || space >= match ? match : space + 1;
    }
}
