package vn.iocstream.nlp.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.Tokenizer;

/**
 * A sentence as segmenters see it: runs of syllables that may join into words, and tokens that are a
 * word on their own (numbers, URLs, TP.HCM, emoji…). Only syllables separated by exactly one space can
 * join; punctuation and other gaps end a run. Punctuation is dropped, as {@code WordSegmenter} promises.
 */
final class Syllables {
    private Syllables() {}

    /** Units of {@code sentence} in order; a unit is either a run of WORD tokens or one other token. */
    static List<List<Token>> units(String sentence) {
        return units(sentence, Tokenizer.tokens(sentence));
    }

    /** The same for tokens of a part of {@code text}, with offsets into it. */
    static List<List<Token>> units(String text, List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        Token prev = null;
        for (Token t : tokens) {
            // exactly one space between them
            boolean continues = t.type() == Token.Type.WORD && prev != null && prev.type() == Token.Type.WORD
                    && t.start() == prev.end() + 1 && text.charAt(prev.end()) == ' ';
            if (!continues && !run.isEmpty()) {
                out.add(run);
                run = new ArrayList<>();
            }
            if (t.type() == Token.Type.WORD) run.add(t);
            else if (t.type() != Token.Type.PUNCT) out.add(List.of(t));
            prev = t;
        }
        if (!run.isEmpty()) out.add(run);
        return out;
    }

    static boolean isRun(List<Token> unit) {
        return unit.get(0).type() == Token.Type.WORD;
    }

    /** Lookup keys (see {@link Lexicon#key}) of a run's syllables. */
    static String[] keys(List<Token> run) {
        String[] keys = new String[run.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = Lexicon.key(run.get(i).text());
        return keys;
    }

    static boolean capitalised(Token t) {
        return Character.isUpperCase(t.text().codePointAt(0));
    }

    /**
     * The words of a tokenised part of {@code text}: each run of syllables split where {@code starts} says a
     * word begins, every other token a word of its own.
     */
    static List<String> words(String text, List<Token> tokens, Function<List<Token>, boolean[]> starts) {
        List<String> out = new ArrayList<>();
        for (List<Token> unit : units(text, tokens)) {
            if (isRun(unit)) addWords(text, unit, starts.apply(unit), out);
            else out.add(unit.get(0).text());
        }
        return out;
    }

    /**
     * Adds the words of a run, given which syllables start a word ({@code starts[0]} is always true),
     * with the text as written in the sentence.
     */
    static void addWords(String sentence, List<Token> run, boolean[] starts, List<String> out) {
        int from = 0;
        for (int i = 1; i <= run.size(); i++) {
            if (i == run.size() || starts[i]) {
                out.add(sentence.substring(run.get(from).start(), run.get(i - 1).end()));
                from = i;
            }
        }
    }
}
