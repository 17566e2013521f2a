package vn.iocstream.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.segment.Segmenters;

/**
 * The recognizer's rules for places, organisations and people, on sentences written for these tests, with
 * the word segmenter the product uses (some rules read its words: "Cục Hóa chất").
 */
class EntityRulesTest {

    private final EntityExtractor extractor = new EntityExtractor(Segmenters.defaultSegmenter());

    private List<Entity> extract(String raw) {
        String text = TextNormalizer.normalize(raw);
        List<Entity> entities = extractor.extract(text);
        assertThat(entities).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
        return entities;
    }

    private List<String> of(String raw, String type) {
        return extract(raw).stream().filter(e -> e.type().equals(type)).map(Entity::text).toList();
    }

    @Test
    void countriesAndRegions_areLocations_withTheirOwnIds() {
        assertThat(extract("Hàng xuất sang Hoa Kỳ, Nhật Bản và châu Âu tăng, trong khi Trung Quốc và Đông Nam Á giảm."))
                .filteredOn(e -> e.type().equals(Entity.LOCATION)).extracting(Entity::text, Entity::canonicalId).containsExactly(
                        tuple("Hoa Kỳ", "place:my"), tuple("Nhật Bản", "place:nhat-ban"), tuple("châu Âu", "place:chau-au"),
                        tuple("Trung Quốc", "place:trung-quoc"), tuple("Đông Nam Á", "place:dong-nam-a"));
        // The longest of overlapping names: "Đông Nam Á", not "biển Đông" + "Nam Á".
        assertThat(of("Tàu cá hoạt động ở vùng biển Đông Nam Á.", Entity.LOCATION)).containsExactly("Đông Nam Á");
    }

    @Test
    void shortCountryNames_onlyWhereTheyCannotBeANameOrAWord() {
        assertThat(of("Anh Đức kể, ông đã sang Đức làm việc rồi về Mỹ.", Entity.LOCATION)).containsExactly("Đức", "Mỹ");
        assertThat(of("Anh Đức kể, ông đã sang Đức làm việc rồi về Mỹ.", Entity.PERSON)).containsExactly("Đức");
        // Inside a name, next to another capitalised word.
        assertThat(of("Ca sĩ Mỹ Tâm và chị Nguyễn Thị Nga đến thị xã Phú Mỹ.", Entity.LOCATION)).containsExactly("thị xã Phú Mỹ");
        assertThat(of("Ca sĩ Mỹ Tâm và chị Nguyễn Thị Nga đến thị xã Phú Mỹ.", Entity.PERSON)).containsExactly("Mỹ Tâm", "Nguyễn Thị Nga");
        // After an office title and before a foreign name the short name is the country.
        assertThat(extract("Tổng thống Mỹ Joe Biden điện đàm với Thủ tướng Anh Boris Johnson.")).extracting(Entity::type, Entity::text)
                .containsExactly(tuple(Entity.LOCATION, "Mỹ"), tuple(Entity.PERSON, "Joe Biden"), tuple(Entity.LOCATION, "Anh"),
                        tuple(Entity.PERSON, "Boris Johnson"));
    }

    @Test
    void nationalitiesLanguagesAndOrigins_areNotPlaces() {
        assertThat(of("Người Lào và người Mỹ gốc Việt học tiếng Anh ở Lào.", Entity.LOCATION)).containsExactly("Lào");
    }

    @Test
    void administrativeAndPlaceKindWords_stayInTheLocationSpan() {
        assertThat(of("Nước sông Hồng dâng cao, cầu Long Biên và chợ Đồng Xuân ở phường Hàng Mã bị ảnh hưởng.", Entity.LOCATION))
                .containsExactly("sông Hồng", "cầu Long Biên", "chợ Đồng Xuân", "phường Hàng Mã");
        assertThat(of("Chuyến bay hạ cánh ở Sân bay Quốc tế Cam Ranh, gần bãi thử Sary-Shagan.", Entity.LOCATION))
                .containsExactly("Sân bay Quốc tế Cam Ranh", "bãi thử Sary-Shagan");
        // A place-kind syllable ending another word is no place: "hoạt động", "yêu cầu".
        assertThat(of("Các hoạt động Tết được giữ nguyên theo yêu cầu Sở Y tế.", Entity.LOCATION)).isEmpty();
    }

    @Test
    void hospital_isAPlaceWhereSomeoneIsTaken_anOrganisationWhenItActs() {
        assertThat(extract("Bệnh nhân được chuyển đến Bệnh viện Chợ Rẫy; Bệnh viện Chợ Rẫy cho biết đang điều trị tích cực."))
                .extracting(Entity::type, Entity::text).containsExactly(tuple(Entity.LOCATION, "Bệnh viện Chợ Rẫy"),
                        tuple(Entity.ORGANIZATION, "Bệnh viện Chợ Rẫy"));
        // A university after "tại" mostly says who employs someone: it stays an organisation.
        assertThat(of("Giáo sư Lê Văn An, giảng viên tại Đại học Huế, nhận giải.", Entity.ORGANIZATION)).containsExactly("Đại học Huế");
    }

    @Test
    void organisations_namesOverSegmenterWordsAndConjunctions() {
        assertThat(of("Cục Hóa chất và Bộ Khoa học và Công nghệ làm việc với Bộ Du lịch và Cổ vật Ai Cập.", Entity.ORGANIZATION))
                .containsExactly("Cục Hóa chất", "Bộ Khoa học và Công nghệ", "Bộ Du lịch và Cổ vật Ai Cập");
        // A segmenter word that glues the name's end to a verb does not carry the name on.
        assertThat(of("Xe của Công ty TNHH Phương Trang bị lật.", Entity.ORGANIZATION)).containsExactly("Công ty TNHH Phương Trang");
    }

    @Test
    void organisations_levelBodiesClubsClassifiersAndCountries() {
        assertThat(of("Công an tỉnh phối hợp Ban Chỉ huy Quân sự xã truy tìm.", Entity.ORGANIZATION))
                .containsExactly("Công an tỉnh", "Ban Chỉ huy Quân sự xã");
        assertThat(of("HL Hà Tĩnh thắng TTBD Bình Dương 2-0.", Entity.ORGANIZATION)).containsExactly("HL Hà Tĩnh", "TTBD Bình Dương");
        assertThat(of("Theo hãng tin Kyodo và tờ Siam Sport, trên kênh YouTube cũng có clip.", Entity.ORGANIZATION))
                .containsExactly("Kyodo", "Siam Sport");
        assertThat(of("Đại sứ quán Nga và Chính phủ Anh ra thông báo.", Entity.ORGANIZATION)).containsExactly("Đại sứ quán Nga", "Chính phủ Anh");
        assertThat(of("Thủ tướng Chính phủ ký quyết định.", Entity.ORGANIZATION)).isEmpty();
    }

    @Test
    void brandBeforeAModel_isAProduct() {
        assertThat(of("Samsung Galaxy S21 vừa ra mắt, Samsung cho biết doanh số tăng.", Entity.ORGANIZATION)).containsExactly("Samsung");
    }

    @Test
    void persons_inThePressInitials() {
        assertThat(of("Anh N.V.K. (30 tuổi) và bà H.T.P cho biết đã gặp N.V.A. ở chợ. Ảnh: M.Khương.", Entity.PERSON))
                .containsExactly("N.V.K.", "H.T.P", "N.V.A.", "M.Khương");
        // A district or ward abbreviation before a place is no initial.
        assertThat(of("Cháy nhà ở Q.Tân Bình.", Entity.PERSON)).isEmpty();
        assertThat(of("Ông T. đến khai báo.", Entity.PERSON)).containsExactly("T");
    }

    @Test
    void persons_withoutTitle_foreignAndByGivenName() {
        assertThat(of("Hôm qua Sergio Ramos, Keanu Reeves và Riyad Mahrez đá giao hữu ở sân Hàng Đẫy.", Entity.PERSON))
                .containsExactly("Sergio Ramos", "Keanu Reeves", "Riyad Mahrez");
        // Names of works, leagues and firms are not people.
        assertThat(of("Phim Titanic Rising chiếu ở Premier League Club và Bank of America.", Entity.PERSON)).isEmpty();
        assertThat(of("Nữ diễn viên Song Hye Kyo và HLV Park Hang-seo gặp nhau.", Entity.PERSON)).contains("Song Hye Kyo");
        assertThat(of("Phút 90, Văn Toàn ghi bàn.", Entity.PERSON)).containsExactly("Văn Toàn");
    }

    @Test
    void persons_afterOfficeTitles_skipTheFieldOrCountry() {
        assertThat(of("Bộ trưởng Y tế Nguyễn Thanh Long và Ngoại trưởng Ấn Độ Harsh Shringla đã gặp nhau.", Entity.PERSON))
                .containsExactly("Nguyễn Thanh Long", "Harsh Shringla");
        assertThat(of("Bộ trưởng Y tế cho biết các ngôi sao G có tuổi thọ ngắn.", Entity.PERSON)).isEmpty();
        // A one-syllable place name inside a person's name ("Vinh") does not cut it.
        assertThat(of("Diễn viên Trương Thế Vinh và bác sĩ Trần Văn Huế có mặt.", Entity.PERSON))
                .containsExactly("Trương Thế Vinh", "Trần Văn Huế");
    }

    @Test
    void syllableShape_tellsVietnameseFromForeignWords() {
        for (String vietnamese : List.of("nguyen", "quynh", "nghieng", "gin", "gia", "oanh", "a", "khuyen", "truong")) {
            assertThat(EntityRecognizer.isVietnameseSyllable(vietnamese)).as(vietnamese).isTrue();
        }
        for (String foreign : List.of("boris", "joe", "taylor", "keanu", "smith", "anna", "frank", "zhao", "")) {
            assertThat(EntityRecognizer.isVietnameseSyllable(foreign)).as(foreign).isFalse();
        }
    }
}
