package vn.iocstream.nlp.segment;

import java.util.ArrayList;
import java.util.List;
import vn.iocstream.nlp.Token;

/**
 * Features of the decision "does syllable i of a run continue the word of syllable i-1?", shared by
 * training and tagging so that both see exactly the same strings: syllable uni/bi/trigrams around the
 * boundary, letter-case shapes, lexicon spans across, ending at and starting at the boundary, the
 * maximal-matching decision and the previous decision.
 */
final class BoundaryFeatures {

    private final Lexicon lexicon;
    private final DictionarySegmenter matcher;

    BoundaryFeatures(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.matcher = new DictionarySegmenter(lexicon);
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** Per-run context computed once and reused for every boundary of the run. */
    record Run(List<Token> tokens, String[] keys, String[] shapes, boolean[] matched) {}

    Run run(List<Token> tokens) {
        String[] keys = Syllables.keys(tokens);
        String[] shapes = new String[tokens.size()];
        for (int i = 0; i < shapes.length; i++) shapes[i] = shape(tokens.get(i).text());
        return new Run(tokens, keys, shapes, matcher.starts(tokens, lexicon.spans(keys)));
    }

    /** Features of the boundary before syllable {@code i} (1 ≤ i < run length). */
    List<String> of(Run run, int i, boolean previousJoined) {
        String[] k = run.keys();
        String a = k[i - 1], b = k[i], z = at(k, i - 2), c = at(k, i + 1);
        String prev = previousJoined ? "I" : "B";
        List<String> f = new ArrayList<>(32);
        f.add("bias");
        f.add("a=" + a);
        f.add("b=" + b);
        f.add("z=" + z);
        f.add("c=" + c);
        f.add("ab=" + a + "|" + b);
        f.add("za=" + z + "|" + a);
        f.add("bc=" + b + "|" + c);
        f.add("zab=" + z + "|" + a + "|" + b);
        f.add("abc=" + a + "|" + b + "|" + c);
        f.add("sh=" + run.shapes()[i - 1] + run.shapes()[i]);
        f.add("shc=" + run.shapes()[i - 1] + run.shapes()[i] + at(run.shapes(), i + 1));
        f.add("mm=" + (run.matched()[i] ? "B" : "I"));
        f.add("p=" + prev);
        f.add("pab=" + prev + "|" + a + "|" + b);
        int n = k.length, max = Math.min(lexicon.maxSyllables(), 4);
        for (int from = Math.max(0, i - max + 1); from < i; from++) {
            for (int to = i + 1; to <= Math.min(n, from + max); to++) {
                if (lexicon.contains(k, from, to)) f.add("lx=" + (i - from) + "," + (to - i));
            }
            if (lexicon.contains(k, from, i)) f.add("le=" + (i - from));
        }
        for (int to = i + 2; to <= Math.min(n, i + max); to++) {
            if (lexicon.contains(k, i, to)) f.add("ls=" + (to - i));
        }
        return f;
    }

    private static String at(String[] values, int i) {
        return i < 0 ? "<s>" : i >= values.length ? "</s>" : values[i];
    }

    /** U: all upper case, T: title case, L: lower case, D: has a digit. */
    private static String shape(String syllable) {
        if (syllable.chars().anyMatch(Character::isDigit)) return "D";
        if (!Character.isUpperCase(syllable.codePointAt(0))) return "L";
        return syllable.length() > 1 && syllable.codePoints().allMatch(Character::isUpperCase) ? "U" : "T";
    }
}
