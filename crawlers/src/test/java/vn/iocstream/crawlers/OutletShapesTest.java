package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.extract.ExtractionEvaluation;
import vn.iocstream.crawlers.extract.ExtractionRules;

/**
 * Title, authors, time, lead and body on pages written for these tests in the shapes of nine Vietnamese outlets
 * (VnExpress, Tuổi Trẻ, Người Lao Động, CafeF, Dân Trí, VietNamNet, Báo Chính phủ, Báo Đầu tư, Pháp Luật TP.HCM:
 * their JSON-LD, meta tags, byline and dateline classes, sapo and related-story boxes, as such templates are built;
 * no outlet's page is copied), against {@code fixtures/bao-mau/truth.json}, with the default extractor.
 *
 * <p>Two pages per shape, and five pages of other CMSes. The "dev" pages (one per shape) were used while building the
 * extractor. The "held-out" pages (one per shape, other quirks of the same templates: two reporters, a credit, a time
 * in JSON-LD with the wrong offset, a year-1 date, invalid JSON-LD) were written at the same time and first run once
 * the code was done: 9 of 10 authors right, the miss a credit "Theo X" printed in its own element, which the extractor
 * reads since, so they are no longer held out for that field. The "held-out-2" pages (WordPress with Yoast, an old
 * table-layout CMS with an upper-case signature, a {@code <time pubdate>}, an update time printed above the
 * publication time, a relative "7 giờ trước") were written after that and run once: all fields right. Dev pages must
 * be right field by field; the others are held to the acceptance bar. The table per shape is printed:
 * {@code mvn -B verify -pl crawlers -am -Dtest=OutletShapesTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OutletShapesTest {
    /** Two days after the newest page: inside every page's plausible window, and fixed for relative datelines. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-09T00:00:00Z"), ZoneOffset.UTC);

    private record Outcome(String file, String shape, String split, boolean title, boolean authors, String time,
                           boolean lead, int sentences, int sentencesFound, double f1, String detail) {}

    private static final List<Outcome> OUTCOMES = new ArrayList<>();

    @BeforeAll
    static void extractAll() throws IOException {
        ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE, RecordLimits.DEFAULT, NOW);
        for (JsonNode page : Json.MAPPER.readTree(resource("truth.json"))) {
            ArticleExtractor.Article a = extractor.extract(new String(resource(page.get("file").asText()).readAllBytes(),
                    StandardCharsets.UTF_8), page.get("url").asText());
            List<String> authors = new ArrayList<>();
            page.get("authors").forEach(n -> authors.add(n.asText()));
            Instant expected = page.get("publishedAt").isNull() ? null : Instant.parse(page.get("publishedAt").asText());
            // A time is right, missing (none given where the page has one), or wrong (a time that is not the page's).
            String time = Objects.equals(expected, a.publishedAt()) ? "right" : a.publishedAt() == null ? "missing" : "wrong";
            List<String> body = new ArrayList<>();
            page.get("body").forEach(p -> body.add(p.asText()));
            ExtractionEvaluation.PageScore score = ExtractionEvaluation.score(page.get("file").asText(), String.join("\n", body), a.text());
            OUTCOMES.add(new Outcome(page.get("file").asText(), page.get("shape").asText(), page.get("split").asText(),
                    page.get("title").asText().equals(a.title()), authors.equals(a.authors()), time,
                    a.text().lines().findFirst().orElse("").equals(page.get("lead").asText()), score.sentences(),
                    score.sentencesFound(), score.f1(), "authors=" + a.authors() + " time=" + a.publishedAt() + " [" + a.sources() + "]"));
        }
        print();
    }

    @Test
    void devPages_areRightFieldByField() {
        assertThat(OUTCOMES.stream().filter(o -> o.split().equals("dev"))).hasSize(10).allSatisfy(o -> {
            assertThat(o.title()).as(o.file() + " title").isTrue();
            assertThat(o.authors()).as(o.file() + " authors: " + o.detail()).isTrue();
            assertThat(o.time()).as(o.file() + " time: " + o.detail()).isEqualTo("right");
            assertThat(o.lead()).as(o.file() + " lead").isTrue();
            assertThat(o.sentencesFound()).as(o.file() + " sentences").isEqualTo(o.sentences());
        });
    }

    /** The bar (author and lead on ≥ 12 of 13, every time right, ≥ 99% of sentences), on pages not tuned on. */
    @Test
    void heldOutPages_meetTheAcceptanceBar_andNoTimeIsWrong() {
        List<Outcome> held = OUTCOMES.stream().filter(o -> o.split().startsWith("held-out")).toList();

        assertThat(held).hasSize(15).allSatisfy(o -> assertThat(o.time()).as(o.file() + ": " + o.detail()).isNotEqualTo("wrong"));
        assertThat(held.stream().filter(o -> o.time().equals("right"))).hasSize(held.size());
        assertThat((double) held.stream().filter(Outcome::authors).count() / held.size()).isGreaterThanOrEqualTo(12.0 / 13);
        assertThat((double) held.stream().filter(Outcome::lead).count() / held.size()).isGreaterThanOrEqualTo(12.0 / 13);
        assertThat((double) held.stream().mapToInt(Outcome::sentencesFound).sum() / held.stream().mapToInt(Outcome::sentences).sum())
                .isGreaterThanOrEqualTo(0.99);
    }

    private static void print() {
        System.out.printf("%-34s %-10s %5s %5s %6s %12s %5s %9s %6s%n", "outlet shape", "split", "pages", "title", "author",
                "time r/m/w", "lead", "sentences", "F1");
        Map<String, List<Outcome>> groups = new LinkedHashMap<>();
        for (Outcome o : OUTCOMES) groups.computeIfAbsent(o.shape() + "|" + o.split(), k -> new ArrayList<>()).add(o);
        groups.put("all|dev", OUTCOMES.stream().filter(o -> o.split().equals("dev")).toList());
        groups.put("all|held-out", OUTCOMES.stream().filter(o -> o.split().equals("held-out")).toList());
        groups.put("all|held-out-2", OUTCOMES.stream().filter(o -> o.split().equals("held-out-2")).toList());
        groups.forEach((key, list) -> System.out.printf(Locale.ROOT, "%-34s %-10s %5d %5d %6d %8d/%d/%d %5d %9s %6.3f%n",
                key.split("\\|")[0], key.split("\\|")[1], list.size(), list.stream().filter(Outcome::title).count(),
                list.stream().filter(Outcome::authors).count(), count(list, "right"), count(list, "missing"),
                count(list, "wrong"), list.stream().filter(Outcome::lead).count(),
                list.stream().mapToInt(Outcome::sentencesFound).sum() + "/" + list.stream().mapToInt(Outcome::sentences).sum(),
                list.stream().mapToDouble(Outcome::f1).average().orElse(0)));
        OUTCOMES.stream().filter(o -> !o.authors() || !o.time().equals("right") || !o.lead() || o.sentencesFound() < o.sentences())
                .forEach(o -> System.out.println("  " + o.file() + ": " + o.detail()));
    }

    private static long count(List<Outcome> list, String time) {
        return list.stream().filter(o -> o.time().equals(time)).count();
    }

    private static InputStream resource(String name) {
        InputStream in = OutletShapesTest.class.getResourceAsStream("/fixtures/bao-mau/" + name);
        if (in == null) throw new UncheckedIOException(new IOException("missing fixture " + name));
        return in;
    }
}
