package vn.iocstream.nlp;

import java.util.List;

/**
 * Splits a sentence into words. Vietnamese words are one or more syllables; a multi-syllable word is
 * returned with single spaces between its syllables ("tai nạn"), as in Universal Dependencies.
 * Punctuation is dropped; URLs, numbers, hashtags and emoji are returned as words. The built-in
 * implementation is {@link LexiconSegmenter}; a statistical one can be plugged in behind this interface.
 */
public interface WordSegmenter {
    List<String> segment(String sentence);

    /**
     * The same as {@code segment(text.substring(from, to))}, for callers that have already tokenised:
     * {@code tokens} are {@link Tokenizer#tokens} of that part, with offsets into {@code text}.
     * Segmenters that work on tokens override it, so a post is tokenised once, not twice.
     */
    default List<String> segment(String text, int from, int to, List<Token> tokens) {
        return segment(text.substring(from, to));
    }
}
