package vn.iocstream.nlp.sentiment;

/** One row of a labelled CSV: the raw text, its label and the line of the file where the row starts. */
public record LabelledText(String text, String label, int line) {}
