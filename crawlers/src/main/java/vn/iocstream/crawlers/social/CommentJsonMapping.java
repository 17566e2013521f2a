package vn.iocstream.crawlers.social;

import java.util.Locale;

/**
 * Where a comment API puts each field, as dotted paths ({@code data.items}, {@code user.name}); keys that contain a dot
 * cannot be named. {@code items} is the path from the response's root to the list of comments ("" when the root is the
 * list); every other path is relative to one comment. {@code parent} and {@code replies} may be null: an API without
 * threads. {@code replies} names a nested list of reply comments, read with the same field paths.
 */
public record CommentJsonMapping(String items, String id, String author, String text, String time, String parent,
                                 String replies) {
    /**
     * VnExpress's comment service ({@code usi-saas.vnexpress.net/index/get?objectid=ARTICLE_ID&objecttype=1…}):
     * {@code data.items[]} with {@code comment_id}, {@code full_name}, {@code content}, {@code creation_time} (Unix
     * seconds) and {@code parent_id} (its own id on a top-level comment), replies under {@code replys.items}.
     */
    public static final CommentJsonMapping VNEXPRESS =
            new CommentJsonMapping("data.items", "comment_id", "full_name", "content", "creation_time", "parent_id", "replys.items");

    public CommentJsonMapping {
        if (items == null) throw new IllegalArgumentException("comment mapping: items path missing (\"\" for a list at the root)");
        for (String required : new String[] {id, text}) {
            if (required == null || required.isBlank()) throw new IllegalArgumentException("comment mapping: id and text paths are required");
        }
    }

    /** A shipped mapping by name ({@code vnexpress}). */
    public static CommentJsonMapping named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "vnexpress" -> VNEXPRESS;
            default -> throw new IllegalArgumentException("no shipped comment mapping '" + name + "' (known: vnexpress)");
        };
    }
}
