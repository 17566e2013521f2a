package vn.iocstream.app.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One day's digest for one scope, as plain data: every writer (HTML, PDF, XLSX) renders this and nothing else.
 *
 * @param scope        whose digest, in words
 * @param day          the day (Vietnam time)
 * @param from         the day's first instant
 * @param to           the next day's first instant
 * @param createdAt    when it was built
 * @param figures      headline numbers against the day before and the 7-day norm
 * @param days         the day and the 7 before it, oldest first: posts by sentiment
 * @param stories      the top stories, ranked by distinct outlets, then posts, then the earliest
 * @param storyCount   every story of the day in scope (the list holds the top ones)
 * @param trends       keys that began trending that day
 * @param pickups      social → press pickups of the day
 * @param negative     negative posts by locality, most first
 * @param alerts       the day's alerts by kind and state
 * @param staleSources sources not answering or not publishing
 * @param links        the appendix: every post cited, in order of appearance
 */
public record Digest(String scope, LocalDate day, Instant from, Instant to, Instant createdAt, List<Figure> figures,
                     List<DayVolume> days, List<Story> stories, long storyCount, List<TrendItem> trends,
                     List<Pickup> pickups, List<LocalityIssues> negative, List<AlertCount> alerts,
                     List<StaleSource> staleSources, List<Link> links) {

    /** A headline number: the day, the day before, and the mean of the 7 days before the day. */
    public record Figure(String label, double day, double dayBefore, double norm, boolean percent) {}

    public record DayVolume(LocalDate day, long positive, long neutral, long negative) {
        public long total() {
            return positive + neutral + negative;
        }
    }

    /**
     * A story: a first post and its copies (posts with the same story id), listed once.
     *
     * @param rank    1 for the first
     * @param outlets distinct sources that carried it that day
     * @param posts   posts of it that day (the first one and its copies)
     * @param copies  every post of it that day, the earliest first
     */
    public record Story(int rank, String storyId, String title, String firstOutlet, Instant firstAt, long outlets,
                        long posts, long negative, List<Copy> copies) {}

    public record Copy(String outlet, String kind, String title, String url, Instant publishedAt) {}

    public record TrendItem(String keyType, String label, long posts, double score, Instant firstSeen) {}

    public record Pickup(String title, Instant at, long count, String locality) {}

    public record LocalityIssues(String locality, long posts, long stories, String topTitle) {}

    public record AlertCount(String kind, String state, long count) {}

    public record StaleSource(String source, String status, Instant lastSuccess, Instant lastNewItem, long errors) {}

    public record Link(String title, String outlet, String url) {}
}
