package vn.iocstream.nlp.search;

import java.time.Instant;
import java.util.List;

/**
 * A post as the search index stores it. {@code id} identifies it: adding the same id again replaces
 * it. {@code province} is the current unit's name (or any spelling the gazetteer knows); {@code kind}
 * press, social or comment; {@code sentiment} negative, neutral or positive. Any field but id and
 * publishedAt may be null.
 */
public record SearchablePost(String id, String title, String text, String source, String kind, String province,
                             Instant publishedAt, String sentiment, List<String> watchlists, String url) {}
