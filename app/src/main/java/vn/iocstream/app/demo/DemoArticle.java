package vn.iocstream.app.demo;

import java.time.Instant;
import java.util.List;

/**
 * One article of the demo news site.
 *
 * @param slug     URL name: the page is {@code /bai-viet/<slug>.html}
 * @param section  the site's section (Kinh tế, Giao thông…)
 * @param author   byline, with the outlet that first ran the story, e.g. "Hoàng Phúc - Báo Đồng Nai"
 * @param locality province the story is about, as written (old names such as Bình Phước included)
 */
public record DemoArticle(String slug, String section, String title, String author, Instant publishedAt,
                          List<String> paragraphs, List<DemoComment> comments, String locality) {
    public DemoArticle {
        paragraphs = List.copyOf(paragraphs);
        comments = List.copyOf(comments);
    }
}
