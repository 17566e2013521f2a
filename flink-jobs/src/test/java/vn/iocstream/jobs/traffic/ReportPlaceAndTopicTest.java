package vn.iocstream.jobs.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.model.CitizenReport;

class ReportPlaceAndTopicTest {
    private static final Gazetteer GAZETTEER = Gazetteer.load();

    private static Communes.Place place(String commune, String province) {
        return Communes.resolve(GAZETTEER, new CitizenReport.Location(commune, province, null, null), "");
    }

    @Test
    void oneWardWrittenThreeWays_getsOneKey() {
        Communes.Place accented = place("phường Tam Hiệp", "Đồng Nai");
        assertThat(accented.key()).isEqualTo("tam-hiep|dong-nai");
        assertThat(place("phuong tam hiep", "dong nai").key()).isEqualTo(accented.key());
        // No province, but the former city in the commune field tells which unit it is in now.
        Communes.Place viaCity = place("P. Tam Hiệp, TP Biên Hòa", "");
        assertThat(viaCity.key()).isEqualTo(accented.key());
        assertThat(viaCity.commune()).isEqualTo("P. Tam Hiệp");
    }

    @Test
    void oldProvinceName_resolvesToTheCurrentUnit_andIsKept() {
        Communes.Place p = place("phường Đồng Xoài", "Bình Phước");
        assertThat(p.province()).isEqualTo("Đồng Nai");
        assertThat(p.provinceWritten()).isEqualTo("Bình Phước");
        assertThat(p.key()).isEqualTo(place("phuong Dong Xoai", "Đồng Nai").key());
        assertThat(place("xã Hải Hậu", "Nam Định").province()).isEqualTo("Ninh Bình");
    }

    @Test
    void positionOnly_fallsInAGridCell_withTheProvinceFromTheText() {
        Communes.Place p = Communes.resolve(GAZETTEER, new CitizenReport.Location(null, null, 10.9385, 106.8584), "Đồng Nai");
        assertThat(p.key()).isEqualTo("cell-10.93-106.85|dong-nai");
        assertThat(p.commune()).isEmpty();
    }

    @Test
    void category_winsOverKeyWords() {
        assertThat(ReportTopics.topicOf("Ngập nước", "kẹt xe vì ngập")).isEqualTo("ngap-nuoc");
        assertThat(ReportTopics.topicOf("un tac", "")).isEqualTo("un-tac");
        assertThat(ReportTopics.topicOf("Cháy nổ", "")).isEqualTo("chay");
    }

    @Test
    void withoutCategory_keyWordsDecide_withOrWithoutDiacritics() {
        assertThat(ReportTopics.topicOf("Khác", "Kẹt xe cứng ngã tư Vũng Tàu")).isEqualTo("un-tac");
        assertThat(ReportTopics.topicOf("", "hat karaoke den 12h dem, ko ai xu ly")).isEqualTo("mat-trat-tu");
        assertThat(ReportTopics.topicOf(null, "Cháy nhà dân, khói đen bốc cao")).isEqualTo("chay");
        // "chay" without diacritics is also chạy (to run): a bare syllable typed so does not decide.
        assertThat(ReportTopics.topicOf(null, "xe chay nhanh qua")).isEqualTo(ReportTopics.OTHER);
        assertThat(ReportTopics.label("ngap-nuoc")).isEqualTo("ngập nước");
    }

    @Test
    void spelledOut_abbreviatedAndCapitalisedPrefixes_becomeTheWrittenOutForm_othersKept() {
        assertThat(Communes.spelledOut("P. Tam Hiệp")).isEqualTo("phường Tam Hiệp");
        assertThat(Communes.spelledOut(" p.Tân Phong ")).isEqualTo("phường Tân Phong");
        assertThat(Communes.spelledOut("Phường Tam Hiệp")).isEqualTo("phường Tam Hiệp");
        assertThat(Communes.spelledOut("X. Xuân Bắc")).isEqualTo("xã Xuân Bắc");
        assertThat(Communes.spelledOut("TT. Dầu Giây")).isEqualTo("thị trấn Dầu Giây");
        assertThat(Communes.spelledOut("Xuân Lộc")).as("a name starting with X").isEqualTo("Xuân Lộc");
        assertThat(Communes.spelledOut("phuong Tam Hiep")).as("no diacritics to restore").isEqualTo("phuong Tam Hiep");
    }
}
