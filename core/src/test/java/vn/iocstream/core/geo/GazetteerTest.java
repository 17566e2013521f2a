package vn.iocstream.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();

    private static final List<String> CURRENT_UNITS = List.of("Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La",
            "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai",
            "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng",
            "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "TP Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
            "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang");

    /** The 29 pre-merger provinces whose names disappeared, per Resolution 202/2025/QH15. */
    private static final Map<String, String> MERGED = Map.ofEntries(
            Map.entry("Thừa Thiên Huế", "Huế"), Map.entry("Hà Giang", "Tuyên Quang"), Map.entry("Yên Bái", "Lào Cai"),
            Map.entry("Bắc Kạn", "Thái Nguyên"), Map.entry("Vĩnh Phúc", "Phú Thọ"), Map.entry("Hòa Bình", "Phú Thọ"),
            Map.entry("Bắc Giang", "Bắc Ninh"), Map.entry("Thái Bình", "Hưng Yên"), Map.entry("Hải Dương", "Hải Phòng"),
            Map.entry("Hà Nam", "Ninh Bình"), Map.entry("Nam Định", "Ninh Bình"), Map.entry("Quảng Bình", "Quảng Trị"),
            Map.entry("Quảng Nam", "Đà Nẵng"), Map.entry("Kon Tum", "Quảng Ngãi"), Map.entry("Bình Định", "Gia Lai"),
            Map.entry("Ninh Thuận", "Khánh Hòa"), Map.entry("Đắk Nông", "Lâm Đồng"), Map.entry("Bình Thuận", "Lâm Đồng"),
            Map.entry("Phú Yên", "Đắk Lắk"), Map.entry("Bình Dương", "TP Hồ Chí Minh"),
            Map.entry("Bà Rịa - Vũng Tàu", "TP Hồ Chí Minh"), Map.entry("Bình Phước", "Đồng Nai"),
            Map.entry("Long An", "Tây Ninh"), Map.entry("Sóc Trăng", "Cần Thơ"), Map.entry("Hậu Giang", "Cần Thơ"),
            Map.entry("Bến Tre", "Vĩnh Long"), Map.entry("Trà Vinh", "Vĩnh Long"), Map.entry("Tiền Giang", "Đồng Tháp"),
            Map.entry("Bạc Liêu", "Cà Mau"), Map.entry("Kiên Giang", "An Giang"));

    @Test
    void everyCurrentUnit_isItsOwnCurrentProvince() {
        for (String unit : CURRENT_UNITS) {
            assertThat(GAZETTEER.lookup(unit)).as(unit)
                    .hasValue(new Gazetteer.Place(unit, unit, false));
        }
    }

    @Test
    void everyMergedProvince_mapsToItsCurrentUnit() {
        assertThat(MERGED).hasSize(30); // 29 merged away + Thừa Thiên Huế renamed: 34 + 29 = 63 provinces
        MERGED.forEach((old, current) -> assertThat(GAZETTEER.lookup(old)).as(old)
                .hasValue(new Gazetteer.Place(old, current, true)));
    }

    @Test
    void lookup_ignoresCaseDiacriticsAndTonePlacement() {
        assertThat(GAZETTEER.lookup("BINH PHUOC")).map(Gazetteer.Place::currentProvince).hasValue("Đồng Nai");
        assertThat(GAZETTEER.lookup("Thanh Hoá")).map(Gazetteer.Place::name).hasValue("Thanh Hóa");
        assertThat(GAZETTEER.lookup("khanh hoa")).map(Gazetteer.Place::name).hasValue("Khánh Hòa");
        assertThat(GAZETTEER.lookup("Sài Gòn")).map(Gazetteer.Place::currentProvince).hasValue("TP Hồ Chí Minh");
        assertThat(GAZETTEER.lookup("Đồng Xoài")).map(Gazetteer.Place::currentProvince).hasValue("Đồng Nai");
        assertThat(GAZETTEER.lookup("Paris")).isEmpty();
    }

    @Test
    void find_reportsOldNamesWithOffsetsAndCurrentUnit() {
        String text = "Sáng 3/8, tại huyện Bù Đăng, tỉnh Bình Phước cũ, một xe khách đã lật; tỉnh Quảng Nam cũng có mưa lớn.";
        List<Gazetteer.Mention> found = GAZETTEER.find(text);
        assertThat(found).extracting(Gazetteer.Mention::written).containsExactly("Bình Phước", "Quảng Nam");
        assertThat(found).extracting(Gazetteer.Mention::currentProvince).containsExactly("Đồng Nai", "Đà Nẵng");
        Gazetteer.Mention first = found.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("Bình Phước");
    }

    @Test
    void findInPart_isFindOfTheSubstringWithOffsetsIntoTheText() {
        // Parts at sentence ends, one whose name runs on into the next sentence ("Bà Rịa. Vũng Tàu"), and
        // parts that cut a syllable ("Phước" cut after "Phư"), which must read their own syllables.
        String text = "Mưa lớn ở Bà Rịa. Vũng Tàu và Bình Phước ngập. Xe kẹt ở TP.HCM, Đồng Nai.";
        Gazetteer.Text prepared = GAZETTEER.in(text);
        int[][] parts = {{0, 17}, {18, 46}, {47, text.length()}, {0, text.length()}, {31, 37}, {21, 34}, {50, 66}};
        for (int[] part : parts) {
            List<Gazetteer.Mention> expected = GAZETTEER.find(text.substring(part[0], part[1])).stream()
                    .map(m -> new Gazetteer.Mention(m.start() + part[0], m.end() + part[0], m.written(), m.place())).toList();
            assertThat(prepared.find(part[0], part[1])).as(text.substring(part[0], part[1])).isEqualTo(expected);
        }
        assertThat(prepared.find()).isEqualTo(GAZETTEER.find(text));
        assertThat(prepared.find()).extracting(Gazetteer.Mention::written).contains("Bà Rịa. Vũng Tàu");
        assertThat(prepared.find(0, 17)).extracting(Gazetteer.Mention::written).containsExactly("Bà Rịa");
    }

    @Test
    void find_prefersLongestMatch() {
        assertThat(GAZETTEER.find("Giao thông TP.HCM và tỉnh Bà Rịa - Vũng Tàu, Thừa Thiên Huế"))
                .extracting(Gazetteer.Mention::written)
                .containsExactly("TP.HCM", "Bà Rịa - Vũng Tàu", "Thừa Thiên Huế");
    }

    /** Names sharing leading syllables, strict ("Bình Định") beside loose ("Bình Dương"), and a longer name left unfinished. */
    @Test
    void find_followsSharedPrefixes_andFallsBackToTheLongestName() {
        assertThat(GAZETTEER.find("binh dinh, bình định, Bình Định, binh duong; Bà Rịa - Vũng, Hà Đông, Hà"))
                .extracting(Gazetteer.Mention::written)
                .containsExactly("Bình Định", "binh duong", "Bà Rịa", "Hà Đông");
    }

    @Test
    void noDiacritics_findsOrdinaryNames() {
        assertThat(GAZETTEER.find("xe tai lat o binh duong, ket xe toi tphcm"))
                .extracting(Gazetteer.Mention::currentProvince)
                .containsExactly("TP Hồ Chí Minh", "TP Hồ Chí Minh");
    }

    /** Everyday words that fold to a place name: dropped diacritics are tolerated, different ones are not. */
    @Test
    void syllablesWithOtherDiacritics_areNotThePlace() {
        assertThat(GAZETTEER.find("Diễn biến dịch phức tạp, anh làm động tác khó, cá hà nằm dưới đáy, phận thiết thân")).isEmpty();
        assertThat(GAZETTEER.find("Mưa lớn ở Điện Biên, Lâm Đồng và hà nam; dien bien phuc tap")).extracting(Gazetteer.Mention::written)
                .containsExactly("Điện Biên", "Lâm Đồng", "hà nam", "dien bien");
        // Tone placement still does not matter ("Hoà" and "Hòa").
        assertThat(GAZETTEER.find("Lũ ở Khánh Hoà")).extracting(Gazetteer.Mention::currentProvince).containsExactly("Khánh Hòa");
        assertThat(GAZETTEER.find("anh cầm con dao, cháu ra Côn Đảo")).extracting(Gazetteer.Mention::written).containsExactly("Côn Đảo");
    }

    @Test
    void strictNames_needDiacriticsAndCapitals() {
        assertThat(GAZETTEER.find("mong hoa binh, nha co hai phong ngu, may nay da nang lam")).isEmpty();
        assertThat(GAZETTEER.find("Khát vọng hòa bình của nhân dân")).isEmpty();
        assertThat(GAZETTEER.find("Lũ lớn ở Hòa Bình và Hải Phòng"))
                .extracting(Gazetteer.Mention::currentProvince).containsExactly("Phú Thọ", "Hải Phòng");
        assertThat(GAZETTEER.find("xe da lat nhao, du khach len Đà Lạt"))
                .extracting(Gazetteer.Mention::written).containsExactly("Đà Lạt");
    }

    @Test
    void blockedPhrases_areNotPlaces() {
        assertThat(GAZETTEER.find("Bão hình thành trên Thái Bình Dương; Lăng Chủ tịch Hồ Chí Minh mở cửa")).isEmpty();
    }

    @Test
    void toneKey_ignoresTonePlacementButNotTone() {
        assertThat(VietnameseKeys.toneKey("Hoà Bình")).isEqualTo(VietnameseKeys.toneKey("hòa bình"));
        assertThat(VietnameseKeys.toneKey("hòa")).isNotEqualTo(VietnameseKeys.toneKey("hóa"));
        assertThat(VietnameseKeys.fold("Đắk Lắk")).isEqualTo("dak lak");
    }
}
