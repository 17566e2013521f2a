package vn.iocstream.jobs.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.core.model.Locality;

class MediaDriversTest {
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    @Test
    void driversCountWhatThePostsSay_andTheFirstPostIsTheEarliest() {
        List<PostFacets> posts = List.of(
                facets("p2", 120, "Báo Đồng Nai", "Đồng Nai", "Xe khách lật trên QL1A", "CSGT Đồng Nai"),
                facets("p1", 60, "VnExpress", "Đồng Nai", "Tai nạn liên hoàn trên QL1A", "CSGT Đồng Nai"),
                facets("p3", 180, "Báo Đồng Nai", "Tây Ninh", "Ùn tắc sau tai nạn", "Bệnh viện Chợ Rẫy"));
        AlertDrivers d = MediaDrivers.of(posts, null);
        assertThat(d.outlets()).containsExactly(new AlertDrivers.Facet("Báo Đồng Nai", 2), new AlertDrivers.Facet("VnExpress", 1));
        assertThat(d.entities().get(0)).isEqualTo(new AlertDrivers.Facet("CSGT Đồng Nai", 2));
        assertThat(d.communes()).containsExactly(new AlertDrivers.Facet("Đồng Nai", 2), new AlertDrivers.Facet("Tây Ninh", 1));
        assertThat(d.phrases()).extracting(AlertDrivers.Facet::name).contains("QL1A");
        assertThat(d.first().id()).isEqualTo("p1");
        assertThat(d.first().title()).isEqualTo("Tai nạn liên hoàn trên QL1A");
        assertThat(MediaDrivers.locality(posts)).isEqualTo(Locality.province("Đồng Nai"));
    }

    @Test
    void aStorySpreadOverTheCountry_hasNoLocality() {
        List<PostFacets> posts = new ArrayList<>();
        String[] provinces = {"Hà Nội", "Huế", "Đà Nẵng", "Cần Thơ"};
        for (int i = 0; i < provinces.length; i++) posts.add(facets("p" + i, i, "VnExpress", provinces[i], "Giá xăng tăng", "Bộ Công Thương"));
        assertThat(MediaDrivers.locality(posts)).isEqualTo(Locality.UNKNOWN);
        assertThat(MediaDrivers.of(List.of(), null).first()).isNull();
    }

    private static PostFacets facets(String id, long seconds, String outlet, String province, String title, String entity) {
        Instant at = T0.plusSeconds(seconds);
        EnrichedPost post = new EnrichedPost(id, "https://example.vn/" + id, "press", outlet, title, title, "", at, at, province,
                List.of(province), List.of(new EntityMention("ORGANIZATION", "org:" + entity, entity)), 10, "negative", -0.5,
                List.of(), 1L, id);
        List<String[]> phrases = List.<String[]>of(new String[] {"ql1a", title.contains("QL1A") ? "QL1A" : "tai nạn"});
        return PostFacets.of(post, phrases);
    }
}
