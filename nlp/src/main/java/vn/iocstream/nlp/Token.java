package vn.iocstream.nlp;

/** A token of normalised text: {@code text} is {@code source.substring(start, end)}. */
public record Token(String text, Type type, int start, int end) {

    public enum Type { URL, EMAIL, PHONE, HASHTAG, MENTION, ABBREVIATION, NUMBER, WORD, EMOJI, PUNCT }

    /** True for tokens that carry words (syllables, abbreviations such as TP.HCM, numbers). */
    public boolean isWordLike() {
        return type == Type.WORD || type == Type.ABBREVIATION || type == Type.NUMBER;
    }
}
