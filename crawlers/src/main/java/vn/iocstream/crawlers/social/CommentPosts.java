package vn.iocstream.crawlers.social;

import java.time.Instant;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.RawPost;

/** Reader comments under an article as {@code comment} posts, the same way whichever markup or API they came from. */
public final class CommentPosts {
    private CommentPosts() {}

    /**
     * The post of one comment. Its id hashes the article's canonical URL together with the comment's own id:
     * {@link Ids#forUrl} of {@code article#comment-N} would drop the fragment and give every comment its article's id.
     * Comments carry no title (the article has it).
     */
    public static RawPost of(String articleUrl, String commentId, String author, Instant postedAt, String text,
                             String source, String locality, Instant fetchedAt) {
        String canonical = Ids.canonicalUrl(articleUrl);
        return new RawPost(Ids.of(canonical, "comment", commentId), canonical + "#comment-" + commentId, "comment",
                source, locality, null, text, author, postedAt, fetchedAt);
    }
}
