package vn.iocstream.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void sameArticleThroughTrackingLinks_getsOneId() {
        String plain = "https://vnexpress.net/tai-nan-tren-ql1a-4790000.html";
        assertThat(Ids.forUrl("HTTPS://VnExpress.net:443/tai-nan-tren-ql1a-4790000.html?utm_source=fb#binh-luan"))
                .isEqualTo(Ids.forUrl(plain));
    }

    @Test
    void differentArticles_getDifferentIds() {
        assertThat(Ids.forUrl("https://baodongnai.com.vn/a-1.html")).isNotEqualTo(Ids.forUrl("https://baodongnai.com.vn/a-2.html"));
    }

    @Test
    void partsAreSeparated_soConcatenationCannotCollide() {
        assertThat(Ids.of("ab", "c")).isNotEqualTo(Ids.of("a", "bc")).hasSize(16);
    }
}
