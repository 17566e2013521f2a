package vn.iocstream.crawlers.social;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.RawPost;

/**
 * One page of a XenForo 2 thread (Otofun, VOZ, Tinhte and most Vietnamese forums run XenForo) as its posts.
 *
 * <p>Usage: {@code ForumThread page = new ForumThreadParser().parse(html, url);} then fetch {@code page.nextPageUrl()}
 * until it is null, and send {@code page.toRawPosts(source, locality, now)}.
 *
 * <p>A post's own words are its {@code .message-body .bbWrapper} without the quoted blocks: a reply that quotes a
 * complaint about flooding and adds "+1" must not count as a second complaint. Each quote is kept as a {@link Quote}
 * (who was quoted, which post). Link previews (unfurls) are the linked page's words, not the poster's, and go too;
 * signatures live outside the body. Deleted or ignored posts, and posts left with no own text, are skipped.
 */
public final class ForumThreadParser {
    /** XenForo's page suffix of a thread URL: {@code /threads/slug.123/page-2}. */
    private static final Pattern PAGE_SUFFIX = Pattern.compile("page-\\d+/?$");
    /** {@code data-source="post: 45678901"} on a quote. */
    private static final Pattern QUOTE_SOURCE = Pattern.compile("post:\\s*(\\d+)");

    /**
     * A quoted passage inside a post: whose words, from which post (null when the quote names none), and the quoted
     * words themselves (without any quote nested in them).
     */
    public record Quote(String author, String postId, String text) {}

    /**
     * @param postId   XenForo's post id (the N of {@code data-content="post-N"})
     * @param url      the post's permalink
     * @param postedAt null when the page shows no time (the post is then dead-lettered downstream, never guessed)
     * @param text     the poster's own words, one paragraph per line, quotes removed
     */
    public record ForumPost(String postId, String url, String author, Instant postedAt, String text, List<Quote> quotes) {}

    /**
     * @param url         the thread's canonical URL without its page suffix: the same on every page
     * @param opensThread whether this page's first post is the thread's opening post (page 1)
     * @param nextPageUrl the next page, or null on the last one
     */
    public record ForumThread(String url, String title, boolean opensThread, List<ForumPost> posts, String nextPageUrl) {
        /**
         * The posts as {@code forum} posts. Only the opening post carries the thread title: replies repeating it would
         * multiply the title's key phrases by the number of replies in the trend counts.
         */
        public List<RawPost> toRawPosts(String source, String locality, Instant fetchedAt) {
            List<RawPost> out = new ArrayList<>(posts.size());
            for (int i = 0; i < posts.size(); i++) {
                ForumPost p = posts.get(i);
                String title = opensThread && i == 0 ? this.title : null;
                out.add(new RawPost(postId(url, p.postId()), p.url(), "forum", source, locality, title, p.text(), p.author(),
                        p.postedAt(), fetchedAt));
            }
            return out;
        }
    }

    /** The id of a forum post: its thread's canonical URL with XenForo's post id, stable across pages and re-crawls. */
    public static String postId(String threadUrl, String xenForoPostId) {
        return Ids.of(Ids.canonicalUrl(threadUrl), "post", xenForoPostId);
    }

    public ForumThread parse(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String pageCanonical = Ids.canonicalUrl(canonical != null ? canonical.absUrl("href") : pageUrl);
        Matcher page = PAGE_SUFFIX.matcher(pageCanonical);
        boolean firstPage = !page.find();
        String threadUrl = firstPage ? pageCanonical : pageCanonical.substring(0, page.start());
        Element h1 = doc.selectFirst("h1.p-title-value, h1");
        String title = h1 == null ? doc.title() : h1.text();
        List<ForumPost> posts = new ArrayList<>();
        for (Element message : doc.select("article.message[data-content^=post-]")) {
            ForumPost post = post(message, threadUrl);
            if (post != null) posts.add(post);
        }
        Element next = doc.selectFirst("link[rel=next][href], a.pageNav-jump--next[href]");
        return new ForumThread(threadUrl, title, firstPage, posts, next == null ? null : next.absUrl("href"));
    }

    private static ForumPost post(Element message, String threadUrl) {
        if (message.hasClass("message--deleted") || message.hasClass("is-ignored")) return null;
        Element body = message.selectFirst(".message-body .bbWrapper");
        if (body == null) return null;
        String id = message.attr("data-content").substring("post-".length());
        body = body.clone();
        List<Quote> quotes = new ArrayList<>();
        for (Element q : body.select("blockquote.bbCodeBlock--quote")) {
            if (q.parents().stream().anyMatch(p -> p.hasClass("bbCodeBlock--quote"))) continue; // part of an outer quote
            Matcher source = QUOTE_SOURCE.matcher(q.attr("data-source"));
            quotes.add(new Quote(blankToNull(q.attr("data-quote")), source.find() ? source.group(1) : null, quotedWords(q)));
        }
        body.select("blockquote.bbCodeBlock--quote, .bbCodeBlock--unfurl, .bbCodeSpoiler-button, .bbCodeBlock-expandLink, script")
                .remove();
        String text = SocialText.lines(body);
        if (text.isEmpty()) return null;
        String author = blankToNull(message.attr("data-author"));
        if (author == null) {
            Element name = message.selectFirst(".message-name .username, .message-name");
            author = name == null ? null : blankToNull(name.text());
        }
        Element time = message.selectFirst(".message-attribution time.u-dt, time.u-dt");
        Instant postedAt = time == null ? null : firstTime(time.attr("data-time"), time.attr("datetime"));
        Element permalink = message.selectFirst(".message-attribution a[href*=/post-]");
        String url = permalink != null ? permalink.absUrl("href") : threadUrl + (threadUrl.endsWith("/") ? "" : "/") + "post-" + id;
        return new ForumPost(id, url, author, postedAt, text, List.copyOf(quotes));
    }

    /** What the quoted post said itself: a quote nested in it is a third post's words, as in {@link #parse}. */
    private static String quotedWords(Element quote) {
        Element content = quote.selectFirst(".bbCodeBlock-expandContent");
        if (content == null) content = quote.selectFirst(".bbCodeBlock-content");
        if (content == null) return "";
        content = content.clone();
        content.select("blockquote.bbCodeBlock--quote, .bbCodeBlock-expandLink").remove();
        return SocialText.lines(content);
    }

    private static Instant firstTime(String... candidates) {
        for (String c : candidates) {
            Instant t = SocialText.time(c);
            if (t != null) return t;
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
