package vn.iocstream.nlp.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Character spans of words in a sentence, counted over its non-whitespace characters only, as the
 * CoNLL 2018 shared-task scorer does: "hải quân" and "hảiquân" have the same span, so a word is
 * correct exactly when it covers the same characters as a gold word.
 */
final class Spans {
    private Spans() {}

    /** Non-whitespace characters of a text, and for each text index the non-whitespace count before it. */
    record Stripped(String chars, int[] before) {
        static Stripped of(String text) {
            StringBuilder chars = new StringBuilder();
            int[] before = new int[text.length() + 1];
            for (int i = 0; i < text.length(); i++) {
                before[i] = chars.length();
                if (!Character.isWhitespace(text.charAt(i))) chars.append(text.charAt(i));
            }
            before[text.length()] = chars.length();
            return new Stripped(chars.toString(), before);
        }
    }

    /**
     * Spans {start, end} of {@code words}, found in order from left to right; a word that cannot be
     * found after the previous one (a segmenter that rewrote the text) gets no span and matches nothing.
     */
    static List<long[]> of(Stripped sentence, List<String> words) {
        List<long[]> out = new ArrayList<>();
        int pos = 0;
        for (String word : words) {
            String w = word.replaceAll("\\s+", "");
            int at = w.isEmpty() ? -1 : sentence.chars().indexOf(w, pos);
            if (at < 0) continue;
            out.add(new long[] {at, at + w.length()});
            pos = at + w.length();
        }
        return out;
    }

    static long key(long[] span) {
        return span[0] << 32 | span[1];
    }
}
