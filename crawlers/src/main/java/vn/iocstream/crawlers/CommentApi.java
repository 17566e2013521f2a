package vn.iocstream.crawlers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.crawlers.social.CommentJsonMapping;
import vn.iocstream.crawlers.social.CommentJsonParser;

/**
 * Reader comments of an article from its outlet's comment API (a source's {@code comments}, {@code commentsUrl} and
 * {@code articleIdPattern}): the article's id, found in its URL, fills {@code {articleId}} in {@code commentsUrl},
 * and the JSON answer is read with the {@link CommentJsonMapping} {@code comments} names. The posts get the ids
 * {@link vn.iocstream.crawlers.social.CommentPosts} gives the same comments found in the page's HTML, so a comment
 * in both is sent once. Thread-safe.
 */
final class CommentApi {
    static final String ARTICLE_ID = "{articleId}";
    /** Without articleIdPattern: the last number in the URL's path ({@code ...-4951234.html}, {@code .../a190201.html}). */
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$");

    private final Fetcher fetcher;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    CommentApi(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * The article's comments that are not among {@code onPage} (the article and its HTML comments).
     *
     * @throws IllegalArgumentException the article URL holds no id, or the answer is not the mapping's JSON
     * @throws IOException              the comment API could not be fetched (RobotsDisallowedException included)
     */
    List<RawPost> posts(IocConfig.Source source, String articleUrl, String canonical, List<RawPost> onPage, Instant fetchedAt)
            throws IOException {
        String url = source.commentsUrl().replace(ARTICLE_ID, URLEncoder.encode(articleId(source, articleUrl), StandardCharsets.UTF_8));
        Fetcher.Page page = fetcher.fetch(url, false);
        Set<String> known = onPage.stream().map(RawPost::id).collect(Collectors.toSet());
        return new CommentJsonParser(CommentJsonMapping.named(source.comments())).parse(page.body()).stream()
                .map(c -> c.toRawPost(canonical, source.name(), source.locality(), fetchedAt))
                .filter(p -> !known.contains(p.id()))
                .toList();
    }

    /** The first group of the source's articleIdPattern in the article URL, or the last number of its path. */
    String articleId(IocConfig.Source source, String articleUrl) {
        String custom = source.articleIdPattern();
        boolean byPattern = custom != null && !custom.isBlank();
        Matcher m = byPattern ? patterns.computeIfAbsent(custom, Pattern::compile).matcher(articleUrl)
                : LAST_NUMBER.matcher(String.valueOf(URI.create(articleUrl.trim()).getPath()));
        if (!m.find() || m.group(1) == null) {
            throw new IllegalArgumentException("no article id in " + articleUrl + (byPattern ? " by articleIdPattern " + custom : ""));
        }
        return m.group(1);
    }
}
