package vn.iocstream.nlp.watch;

/**
 * A post as watchlists see it. {@code text} is already normalised by
 * {@link vn.iocstream.nlp.TextNormalizer} (that is what makes NFD input and old tone placement match);
 * {@code kind} is press, social or comment; {@code locality} a province name (any spelling the
 * gazetteer knows), or null. Null source, kind or locality simply match no filter on that field.
 */
public record WatchDocument(String text, String source, String kind, String locality) {}
