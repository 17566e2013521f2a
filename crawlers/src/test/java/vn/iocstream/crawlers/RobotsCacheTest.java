package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Expiry and error handling, with a clock the test moves and robots.txt answers it scripts. */
class RobotsCacheTest {
    private static final URI PAGE = URI.create("https://baotayninh.vn/thoi-su/trieu-cuong-vuot-bao-dong-3-a190188.html");
    private static final URI SEARCH = URI.create("https://baotayninh.vn/tim-kiem/?q=l%C5%A9");

    private final AtomicLong now = new AtomicLong();
    private final Deque<RobotsCache.Response> answers = new ArrayDeque<>();
    private final RobotsCache cache = new RobotsCache("IOCStreamBot/0.1 (+https://github.com/iocstream/ioc-stream)",
            uri -> answers.pop(), now::get);

    private static RobotsCache.Response robots(String text) {
        return new RobotsCache.Response(200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void productToken_isTheUserAgentsFirstWord_lowerCased() {
        assertThat(RobotsCache.productToken("IOCStreamBot/0.1 (+https://github.com/iocstream/ioc-stream; contact: ops@iocstream.invalid)"))
                .isEqualTo("iocstreambot");
        assertThat(cache.agentToken()).isEqualTo("iocstreambot");
    }

    @Test
    void absurdCrawlDelay_isCappedAtOneMinute() throws Exception {
        answers.push(robots("User-agent: *\nCrawl-delay: 3600\n"));

        assertThat(cache.allowed(PAGE)).isTrue();
        assertThat(cache.knownCrawlDelayMs(PAGE)).isEqualTo(60_000);
    }

    @Test
    void rules_expireAfterADay() throws Exception {
        answers.add(robots("User-agent: *\nDisallow: /tim-kiem/\n"));
        answers.add(robots("User-agent: *\nDisallow: /\n"));

        assertThat(cache.allowed(PAGE)).isTrue();
        now.addAndGet(RobotsCache.EXPIRY.toNanos() - 1);
        assertThat(cache.allowed(PAGE)).as("still the first copy").isTrue();
        now.addAndGet(1);
        assertThat(cache.allowed(PAGE)).as("the second copy").isFalse();
    }

    @Test
    void serverErrorAfterAGoodCopy_keepsTheGoodCopy_untilTheNextTry() throws Exception {
        answers.add(robots("User-agent: *\nDisallow: /tim-kiem/\n"));
        answers.add(new RobotsCache.Response(503, null, new byte[0]));
        answers.add(new RobotsCache.Response(-1, null, new byte[0]));

        assertThat(cache.allowed(SEARCH)).isFalse();
        now.addAndGet(RobotsCache.EXPIRY.toNanos());
        assertThat(cache.allowed(PAGE)).isTrue();
        assertThat(cache.allowed(SEARCH)).isFalse();
        now.addAndGet(RobotsCache.UNREACHABLE_RETRY.toNanos());
        assertThat(cache.allowed(PAGE)).as("unreachable now, still the good copy").isTrue();
        assertThat(answers).isEmpty();
    }

    @Test
    void unreachableWithoutAGoodCopy_disallowsUntilTheNextTry() throws Exception {
        answers.add(new RobotsCache.Response(-1, null, new byte[0]));
        answers.add(new RobotsCache.Response(404, "text/html", new byte[0]));

        assertThat(cache.allowed(PAGE)).isFalse();
        now.addAndGet(RobotsCache.UNREACHABLE_RETRY.toNanos());
        assertThat(cache.allowed(PAGE)).isTrue();
    }

    @Test
    void sitesDifferingInSchemeOrPort_haveTheirOwnRobotsTxt() throws Exception {
        answers.add(robots("User-agent: *\nDisallow: /\n"));
        answers.add(robots("User-agent: *\nAllow: /\n"));

        assertThat(cache.allowed(PAGE)).isFalse();
        assertThat(cache.allowed(URI.create("http://baotayninh.vn:8080/thoi-su/"))).isTrue();
        assertThat(RobotsCache.site(URI.create("HTTP://BaoTayNinh.vn:8080/a"))).isEqualTo("http://baotayninh.vn:8080");
    }
}
