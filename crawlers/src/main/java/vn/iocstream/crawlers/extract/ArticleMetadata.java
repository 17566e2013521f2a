package vn.iocstream.crawlers.extract;

import java.time.Instant;
import java.util.List;

/**
 * What a page says about its story, each field from the most trusted source that gave a valid value.
 *
 * @param authors     people or desks, in page order; a credit "Theo X" is an entry of its own; empty when none
 * @param outlet      the publisher's name as the page states it (JSON-LD publisher, og:site_name), or null
 * @param publishedAt the most trusted plausible time; outside the plausible window only when no source gave a
 *                    plausible one (the crawler then flags the post); null when the page gives none: never a guess
 * @param modifiedAt  the last update the page states, or null
 * @param sources     which source won each field and where sources disagreed, for debugging, e.g.
 *                    {@code "author=byline time=json-ld outlet=og; time: meta said 2026-03-07T01:05:00Z"}
 */
public record ArticleMetadata(String title, List<String> authors, String outlet, Instant publishedAt, Instant modifiedAt,
                              String sources) {
    public ArticleMetadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
