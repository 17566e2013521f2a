package vn.iocstream.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.geo.Gazetteer;

class ScopeTest {
    private static final Gazetteer G = Gazetteer.load();

    @Test
    void provincesAndCommunes_parseToCurrentUnits_andPrintBackToTheSameScope() {
        Scope s = Scope.parse("tỉnh Bình Phước; phường Tam Hiệp, tỉnh Đồng Nai; P. Tân An, Tây Ninh", G);
        assertThat(s.provinces()).containsExactly("Đồng Nai"); // Bình Phước merged into Đồng Nai on 1 July 2025
        assertThat(s.communes()).as("Tam Hiệp is inside the Đồng Nai already in scope").containsExactly(
                new Scope.Commune("phường", "Tân An", "Tây Ninh"));
        assertThat(Scope.parse(s.toString(), G)).isEqualTo(s);
        assertThat(s.toString()).isEqualTo("tỉnh Đồng Nai; phường Tân An, tỉnh Tây Ninh");
        assertThat(Scope.parse("thành phố Đà Nẵng", G).toString()).isEqualTo("thành phố Đà Nẵng");
        assertThat(Scope.parse("TP Hồ Chí Minh", G).provinces()).containsExactly("TP Hồ Chí Minh");
        assertThat(Scope.parse("all", G).all()).isTrue();
    }

    @Test
    void aCommuneKey_isTheKeyTrafficJobFilesReportsUnder() {
        Scope.Commune c = Scope.parse("phường Tam Hiệp, tỉnh Đồng Nai", G).communes().get(0);
        assertThat(c.key()).isEqualTo("tam-hiep|dong-nai");
        assertThat(c.spellings()).containsExactly("tam hiệp", "tam hiep");
    }

    @Test
    void badScopes_areRefusedNamingTheItem() {
        assertThatThrownBy(() -> Scope.parse("tỉnh Atlantis", G)).hasMessageContaining("unknown province 'tỉnh Atlantis'");
        assertThatThrownBy(() -> Scope.parse("phường Tam Hiệp", G)).hasMessageContaining("name the province");
        assertThatThrownBy(() -> Scope.parse("khu Tam Hiệp, Đồng Nai", G)).hasMessageContaining("phường, xã or đặc khu");
        assertThatThrownBy(() -> Scope.parse(" ; ", G)).hasMessageContaining("empty scope");
    }

    @Test
    void covers_aProvinceSeesItsCommunes_aCommuneSeesOnlyItself_aRowInTwoCommunesIsSeenByBoth() {
        Scope province = Scope.parse("tỉnh Đồng Nai", G);
        Scope tamHiep = Scope.parse("phường Tam Hiệp, tỉnh Đồng Nai", G);
        Scope tanPhong = Scope.parse("phường Tân Phong, tỉnh Đồng Nai", G);
        Locality both = new Locality(Set.of("dong-nai"), Set.of("tam-hiep|dong-nai", "tan-phong|dong-nai"));
        Locality provinceOnly = new Locality(Set.of("dong-nai"), Set.of());
        assertThat(province.covers(both)).isTrue();
        assertThat(tamHiep.covers(both)).isTrue();
        assertThat(tanPhong.covers(both)).isTrue();
        assertThat(tamHiep.covers(provinceOnly)).as("a province-wide row is not a commune's").isFalse();
        assertThat(tamHiep.covers(new Locality(Set.of("tay-ninh"), Set.of("tam-hiep|tay-ninh")))).as("same name, other province").isFalse();
        assertThat(Scope.ALL.covers(Locality.NOWHERE)).isTrue();
        assertThat(province.covers(Locality.NOWHERE)).isFalse();
    }
}
