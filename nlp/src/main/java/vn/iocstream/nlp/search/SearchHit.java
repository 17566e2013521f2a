package vn.iocstream.nlp.search;

import java.time.Instant;

/** One result; {@code highlight} is an HTML-escaped snippet with the matched words in {@code <mark>}. */
public record SearchHit(String id, String title, String source, String province, Instant publishedAt, float score,
                        String highlight, String url) {}
