package vn.iocstream.crawlers;

import vn.iocstream.core.model.RawPost;

/** Where crawled posts go: Kafka in production, a list in tests. */
public interface PostSink {
    /** Hands over one post; may buffer. */
    void accept(RawPost post);

    /**
     * Blocks until every accepted post is durable, and throws if any of them failed, so that the crawler
     * can forget it emitted them and try again on the next poll (ids are deterministic, so a retry that
     * duplicates a post is harmless downstream).
     */
    default void flush() {}
}
