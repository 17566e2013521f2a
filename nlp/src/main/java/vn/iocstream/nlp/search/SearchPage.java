package vn.iocstream.nlp.search;

import java.util.List;

/** One page of results: {@code page} is 1-based, {@code total} counts all matching posts. */
public record SearchPage(long total, int page, List<SearchHit> hits) {}
