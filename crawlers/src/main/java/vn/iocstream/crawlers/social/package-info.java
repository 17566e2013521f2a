/**
 * Social sources as pure parsers: XenForo forum threads ({@link vn.iocstream.crawlers.social.ForumThreadParser}) and
 * reader comments an outlet serves as JSON ({@link vn.iocstream.crawlers.social.CommentJsonParser}). They take a page or
 * a response body and give records; fetching, scheduling and Kafka are the caller's. Platform posts (Facebook, Zalo,
 * TikTok, YouTube) do not come through here: connectors that sites run elsewhere push them to the app's
 * {@code POST /api/ingest/posts}.
 *
 * <p>Ids follow the project's rule (deterministic, so a re-crawl writes the same rows): a forum post hashes its thread's
 * canonical URL with XenForo's post id, a comment hashes its article's canonical URL with the comment's own id
 * ({@link vn.iocstream.crawlers.social.CommentPosts}).
 */
package vn.iocstream.crawlers.social;
