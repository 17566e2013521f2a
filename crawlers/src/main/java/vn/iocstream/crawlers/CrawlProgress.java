package vn.iocstream.crawlers;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.iocstream.core.config.IocConfig;

/**
 * The long-running crawler's periodic progress line: what the polls since the last line did, and which sources
 * are failing now (their latest poll failed, with how many failed polls in a row). Thread-safe.
 */
final class CrawlProgress {
    private CrawlStats window = CrawlStats.ZERO;
    private final Set<String> polled = new HashSet<>();
    /** Source name → failed polls in a row; a successful poll removes it. */
    private final Map<String, Integer> failing = new TreeMap<>();

    synchronized void record(IocConfig.Source source, CrawlStats stats) {
        window = window.plus(stats);
        polled.add(source.name());
        if (stats.feedErrors() > 0) failing.merge(source.name(), 1, Integer::sum);
        else failing.remove(source.name());
    }

    /** The line for the polls recorded since the previous call, which starts a new period. */
    synchronized String drain(long seconds) {
        String line = String.format("crawl, last %d s: %d sources polled (%d polls), %d pages, %d new items, %d errors, "
                        + "%d blocked by robots.txt; failing: %s",
                seconds, polled.size(), window.feeds(), window.pages(), window.newPosts(), window.errors(), window.blocked(),
                failing.isEmpty() ? "none" : failing.entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + "x)").collect(Collectors.joining(", ")));
        window = CrawlStats.ZERO;
        polled.clear();
        return line;
    }
}
