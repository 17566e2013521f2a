package vn.iocstream.nlp;

import java.util.List;

/** A segmenter that works on {@link Tokenizer} tokens; a plain sentence is tokenised first. */
public interface TokenSegmenter extends WordSegmenter {
    @Override
    default List<String> segment(String sentence) {
        return segment(sentence, 0, sentence.length(), Tokenizer.tokens(sentence));
    }

    @Override
    List<String> segment(String text, int from, int to, List<Token> tokens);
}
