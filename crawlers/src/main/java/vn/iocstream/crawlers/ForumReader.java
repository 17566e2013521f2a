package vn.iocstream.crawlers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.iocstream.crawlers.social.SocialText;

/**
 * The threads a forum source points at (type {@code forum}): a XenForo 2 section page lists its threads as
 * {@code .structItem--thread} rows, each with a {@code .structItem-title} link, a last-post time
 * ({@code .structItem-latestDate}) and, for long threads, links to their last pages ({@code .structItem-pageJump}).
 * Only threads whose last post lies within {@code maxAge} before now are kept, like recent sitemap entries: a section
 * lists years of threads, sticky ones first. A source URL that is a thread page itself gives that one thread.
 * Reading the threads' pages is {@link vn.iocstream.crawlers.social.ForumThreadParser}'s part.
 */
final class ForumReader {
    /** A little slack for forums whose clocks run ahead, as for sitemaps. */
    private static final Duration FUTURE_SLACK = Duration.ofHours(1);
    /** What follows the thread in links to one of its pages ("page-3"), its newest post ("latest") or unread ones. */
    private static final Pattern THREAD_SUFFIX = Pattern.compile("(?:page-\\d+|latest|unread)/?$");
    private static final Pattern PAGE_NUMBER = Pattern.compile("page-(\\d{1,6})/?$");

    /**
     * @param url        the thread's first page
     * @param lastPostAt when its newest post was written; null for a thread given as the source itself (always read)
     * @param lastPage   the number of its last page (1 when the listing shows no later page)
     */
    record ThreadLink(String url, String title, Instant lastPostAt, int lastPage) {}

    /**
     * @param recent  the threads to read, newest activity first
     * @param skipped threads left out: last post before the window, or no readable time
     */
    record Section(List<ThreadLink> recent, int skipped) {}

    private final Duration maxAge;

    ForumReader(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** @throws IllegalArgumentException the page is neither a XenForo section nor a thread (an error page, say) */
    Section read(String html, String pageUrl, Instant now) {
        Document doc = Jsoup.parse(html, pageUrl);
        List<Element> rows = doc.select(".structItem--thread");
        if (rows.isEmpty()) {
            if (doc.selectFirst("article.message[data-content^=post-]") == null) {
                throw new IllegalArgumentException(pageUrl + ": neither a XenForo forum section nor a thread page");
            }
            Element h1 = doc.selectFirst("h1.p-title-value, h1");
            return new Section(List.of(new ThreadLink(threadUrl(pageUrl), h1 == null ? null : h1.text(), null,
                    lastPage(doc.select(".pageNav-main a[href]")))), 0);
        }
        Instant oldest = now.minus(maxAge);
        Instant newest = now.plus(FUTURE_SLACK);
        List<ThreadLink> recent = new ArrayList<>();
        int skipped = 0;
        for (Element row : rows) {
            Element link = row.selectFirst(".structItem-title a[data-tp-primary][href]");
            if (link == null) link = row.selectFirst(".structItem-title a[href]:not(.labelLink)");
            Instant last = lastPostAt(row);
            if (link == null || last == null || last.isBefore(oldest) || last.isAfter(newest)) {
                skipped++;
                continue;
            }
            recent.add(new ThreadLink(threadUrl(link.absUrl("href")), link.text(), last, lastPage(row.select(".structItem-pageJump a[href]"))));
        }
        recent.sort(Comparator.comparing(ThreadLink::lastPostAt).reversed());
        return new Section(recent, skipped);
    }

    /** The first of the thread's last {@code maxPages} pages: where a thread never read before is started. */
    static String startPage(ThreadLink thread, int maxPages) {
        return pageUrl(thread.url(), Math.max(1, thread.lastPage() - maxPages + 1));
    }

    /** XenForo's address of page {@code n} of a thread: {@code /threads/slug.123/page-n}; page 1 is the thread's own. */
    static String pageUrl(String threadUrl, int n) {
        if (n <= 1) return threadUrl;
        return threadUrl + (threadUrl.endsWith("/") ? "" : "/") + "page-" + n;
    }

    /** The thread's first page: without fragment, page suffix, "latest" or "unread". */
    private static String threadUrl(String href) {
        int hash = href.indexOf('#');
        String url = hash >= 0 ? href.substring(0, hash) : href;
        Matcher suffix = THREAD_SUFFIX.matcher(url);
        return suffix.find() ? url.substring(0, suffix.start()) : url;
    }

    private static Instant lastPostAt(Element row) {
        Element time = row.selectFirst("time.structItem-latestDate, .structItem-cell--latest time");
        if (time == null) time = row.selectFirst(".structItem-startDate time");
        if (time == null) return null;
        Instant t = SocialText.time(time.attr("data-time"));
        return t != null ? t : SocialText.time(time.attr("datetime"));
    }

    /** The highest page number among page links (XenForo prints 1, 2, 3 … 57, or the last few of a long thread). */
    private static int lastPage(List<Element> pageLinks) {
        int last = 1;
        for (Element a : pageLinks) {
            Matcher m = PAGE_NUMBER.matcher(a.attr("href"));
            if (m.find()) last = Math.max(last, Integer.parseInt(m.group(1)));
        }
        return last;
    }
}
