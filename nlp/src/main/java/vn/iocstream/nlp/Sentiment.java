package vn.iocstream.nlp;

/** Polarity of a text: {@code label} is negative, neutral or positive; {@code score} is in [-1, 1]. */
public record Sentiment(String label, double score) {}
