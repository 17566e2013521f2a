package vn.iocstream.nlp.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.Tokenizer;

/**
 * Phrases matched token by token, longest first, indexed by their first token. Case rule: what the
 * phrase capitalises must be capitalised in the text ("Bộ Y tế" needs the B and the Y, "EVN" all three
 * capitals), what it writes in lower case matches either case ("ông" matches "Ông" at a sentence
 * start). Tokens glued in the phrase ("GD-ĐT") must be glued in the text, tokens separated by a space
 * must be separated by one space. Immutable once built.
 */
final class PhraseTable<V> {

    record Match<V>(int end, V value) {}

    /** A case rule per token, worked out once: {@link #ANY}, {@link #CAPITAL} (first letter) or {@link #ALL_CAPITALS}. */
    private record Phrase<V>(String[] tokens, boolean[] spaceBefore, byte[] caseRule, V value) {}

    private static final byte ANY = 0, CAPITAL = 1, ALL_CAPITALS = 2;

    private final Map<String, List<Phrase<V>>> byFirst = new HashMap<>();
    private final int role;

    /** @param role a bit of its own, set by the recognizer on tokens that may open one of these phrases */
    PhraseTable(int role) {
        this.role = role;
    }

    int role() {
        return role;
    }

    void add(String phrase, V value) {
        List<Token> tokens = Tokenizer.tokens(phrase);
        if (tokens.isEmpty()) return;
        String[] texts = new String[tokens.size()];
        boolean[] space = new boolean[tokens.size()];
        byte[] caseRule = new byte[tokens.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = tokens.get(i).text();
            space[i] = i > 0 && tokens.get(i).start() > tokens.get(i - 1).end();
            caseRule[i] = caseRule(texts[i]);
        }
        List<Phrase<V>> list = byFirst.computeIfAbsent(texts[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>());
        list.add(new Phrase<>(texts, space, caseRule, value));
        list.sort(Comparator.comparingInt((Phrase<V> p) -> -p.tokens().length));
    }

    /** The lower-case first tokens of the phrases. */
    Set<String> firstTokens() {
        return byFirst.keySet();
    }

    /**
     * The longest phrase starting at token {@code i} and ending before token {@code limit}, or null.
     * {@code firstLower} is token i in lower case, which callers compute once for all their tables.
     */
    Match<V> longestAt(String text, List<Token> toks, int i, int limit, String firstLower) {
        List<Phrase<V>> candidates = byFirst.get(firstLower);
        if (candidates == null) return null;
        for (Phrase<V> p : candidates) {
            if (matches(p, text, toks, i, limit)) return new Match<>(i + p.tokens().length, p.value());
        }
        return null;
    }

    private static <V> boolean matches(Phrase<V> p, String text, List<Token> toks, int i, int limit) {
        if (i + p.tokens().length > limit) return false;
        for (int k = 0; k < p.tokens().length; k++) {
            Token t = toks.get(i + k);
            if (!t.text().equalsIgnoreCase(p.tokens()[k]) || !caseMatches(p.caseRule()[k], t.text())) return false;
            if (k > 0) {
                int gap = t.start() - toks.get(i + k - 1).end();
                if (p.spaceBefore()[k] ? gap != 1 || text.charAt(t.start() - 1) != ' ' : gap != 0) return false;
            }
        }
        return true;
    }

    private static byte caseRule(String phrase) {
        if (phrase.length() > 1 && phrase.equals(phrase.toUpperCase(Locale.ROOT)) && !phrase.equals(phrase.toLowerCase(Locale.ROOT))) {
            return ALL_CAPITALS;
        }
        return Character.isUpperCase(phrase.charAt(0)) ? CAPITAL : ANY;
    }

    private static boolean caseMatches(byte rule, String written) {
        return switch (rule) {
            case ALL_CAPITALS -> written.equals(written.toUpperCase(Locale.ROOT));
            case CAPITAL -> Character.isUpperCase(written.charAt(0));
            default -> true;
        };
    }
}
