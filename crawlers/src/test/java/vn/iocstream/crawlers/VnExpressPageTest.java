package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.testing.SharedData;

/** A real VnExpress page (Fundus test data, MIT; ../shared/data/news/vnexpress-page) against its annotation. */
class VnExpressPageTest {
    private static final Path DIR = SharedData.path("news/vnexpress-page");

    @Test
    void realVnExpressPage_givesAnnotatedTitleAuthorTimeAndParagraphs() throws Exception {
        Path html = DIR.resolve("VnExpress_2025_10_22.html.gz");
        SharedData.require(html);
        JsonNode expected = Json.MAPPER.readTree(DIR.resolve("VnExpress.json").toFile()).get("V1");
        String page;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ArticleExtractor.Article a = new ArticleExtractor().extract(page,
                "https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html");

        assertThat(a.title()).isEqualTo(expected.get("title").asText());
        assertThat(a.author()).isEqualTo(expected.get("authors").get(0).asText());
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse(expected.get("publishing_date").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX")).toInstant());
        List<String> paragraphs = new ArrayList<>();
        expected.at("/body/summary").forEach(p -> paragraphs.add(p.asText()));
        expected.at("/body/sections/0/paragraphs").forEach(p -> paragraphs.add(p.asText()));
        // The annotation counts the picture caption as a paragraph; the extractor leaves captions out of the body.
        paragraphs.removeIf(p -> p.startsWith(expected.at("/images/0/caption").asText()));
        assertThat(a.text().split("\n")).containsExactlyElementsOf(paragraphs);
    }
}
