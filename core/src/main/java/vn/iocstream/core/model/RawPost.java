package vn.iocstream.core.model;

import java.time.Instant;
import java.util.List;
import vn.iocstream.core.validation.RecordLimits;

/**
 * A post as a crawler saw it, on {@code ioc.raw.posts}.
 *
 * @param id          deterministic: hash of the canonical URL ({@link vn.iocstream.core.Ids#forUrl})
 * @param kind        one of {@link #KINDS}; all but {@code press} are social text and get teencode expansion
 * @param source      outlet or site name, e.g. "Báo Tây Ninh"
 * @param locality    locality the source covers, as configured (may be a pre-2025 province name), or null
 * @param publishedAt event time: when the outlet says it published
 * @param fetchedAt   when the crawler fetched it
 * @param author      the author line as printed, or the authors joined by ", "; null when unknown
 * @param flags       what the producer doubts about the post, e.g. {@link #IMPLAUSIBLE_TIME}; empty when nothing
 * @param authors     the authors one by one (a credit "Theo TTXVN" as an entry of its own); when a producer gives
 *                    only {@code author}, that one entry; empty when unknown
 * @param outlet      the publisher as the page names itself ("Báo điện tử Dân Trí"), beside the configured
 *                    {@code source}; null when the page does not say
 * @param metadataSource for debugging extraction: which source gave the author and the time and where sources
 *                    disagreed (e.g. "title=og author=byline time=json-ld outlet=json-ld"); null when not extracted
 */
public record RawPost(String id, String url, String kind, String source, String locality,
                      String title, String text, String author, Instant publishedAt, Instant fetchedAt,
                      List<String> flags, List<String> authors, String outlet, String metadataSource) {
    /** The kinds of post: press articles, social posts, reader comments and forum posts. */
    public static final List<String> KINDS = List.of("press", "social", "comment", "forum");
    /** The page's own date was outside the plausible window: {@code publishedAt} is the fetch time instead. */
    public static final String IMPLAUSIBLE_TIME = "published-time-implausible";

    public RawPost {
        flags = flags == null ? List.of() : List.copyOf(flags);
        authors = authors != null && !authors.isEmpty() ? List.copyOf(authors)
                : author == null || author.isBlank() ? List.of() : List.of(author);
    }

    /** A post without the page's own account of its authors and outlet. */
    public RawPost(String id, String url, String kind, String source, String locality, String title, String text,
                   String author, Instant publishedAt, Instant fetchedAt, List<String> flags) {
        this(id, url, kind, source, locality, title, text, author, publishedAt, fetchedAt, flags, null, null, null);
    }

    /** A post nobody doubts. */
    public RawPost(String id, String url, String kind, String source, String locality, String title, String text,
                   String author, Instant publishedAt, Instant fetchedAt) {
        this(id, url, kind, source, locality, title, text, author, publishedAt, fetchedAt, List.of());
    }

    /** Whether text of this kind is written the way people type (teencode, no diacritics) rather than edited. */
    public static boolean socialText(String kind) {
        return "social".equals(kind) || "comment".equals(kind) || "forum".equals(kind);
    }

    /**
     * Why this post cannot enter the pipeline (a missing field, an unknown kind, a value outside {@code limits}), or
     * null if it can.
     */
    public String problem(RecordLimits limits, Instant now) {
        String missing = missingField();
        if (missing != null) return "missing field: " + missing;
        if (!KINDS.contains(kind)) return "kind must be one of " + String.join(", ", KINDS) + ", not '" + shorten(kind) + "'";
        return RecordLimits.first(limits.field("id", id), limits.field("url", url), limits.field("source", source),
                limits.field("locality", locality), limits.field("author", author), limits.title("title", title),
                limits.text("text", text), limits.time("publishedAt", publishedAt, now),
                limits.optionalTime("fetchedAt", fetchedAt, now), limits.fields("flags", flags),
                limits.fields("authors", authors), limits.field("outlet", outlet), limits.field("metadataSource", metadataSource));
    }

    /**
     * This post as a crawler should send it: a page's own date outside the plausible window (a CMS's year 300000000,
     * a year-1 placeholder) is replaced by the fetch time and the post flagged {@link #IMPLAUSIBLE_TIME}, so that the
     * article is kept and one broken site cannot push event time out of reach. A missing date stays missing.
     */
    public RawPost withPlausibleTime(RecordLimits limits, Instant now) {
        if (publishedAt == null || limits.plausible(publishedAt, now)) return this;
        List<String> flagged = new java.util.ArrayList<>(flags);
        if (!flagged.contains(IMPLAUSIBLE_TIME)) flagged.add(IMPLAUSIBLE_TIME);
        return new RawPost(id, url, kind, source, locality, title, text, author, fetchedAt != null ? fetchedAt : now,
                fetchedAt, flagged, authors, outlet, metadataSource);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Fields a raw post cannot do without; a record missing one goes to the dead-letter topic. */
    public String missingField() {
        if (id == null || id.isBlank()) return "id";
        if (url == null || url.isBlank()) return "url";
        if (kind == null || kind.isBlank()) return "kind";
        if (text == null && title == null) return "text";
        if (publishedAt == null) return "publishedAt";
        return null;
    }
}
