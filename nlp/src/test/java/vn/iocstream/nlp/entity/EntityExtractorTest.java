package vn.iocstream.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.TextNormalizer;

class EntityExtractorTest {

    private final EntityExtractor extractor = new EntityExtractor();

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
    void accidentReport_findsEveryKind() {
        List<Entity> found = extract("Sáng 12/11, tại km 1582 QL1A đoạn qua xã Trảng Bom, tỉnh Đồng Nai, xe tải biển số 60C-123.45 "
                + "do ông Nguyễn Văn Hùng (45 tuổi) điều khiển đã tông vào dải phân cách.");
        assertThat(found).extracting(Entity::type, Entity::text, Entity::canonicalId).containsExactly(
                tuple("DATE", "12/11", null),
                tuple("ROAD", "QL1A", "road:ql1a"),
                tuple("LOCATION", "xã Trảng Bom", "province:dong-nai"),
                tuple("LOCATION", "tỉnh Đồng Nai", "province:dong-nai"),
                tuple("PLATE", "60C-123.45", "plate:60C12345"),
                tuple("PERSON", "Nguyễn Văn Hùng", "person:nguyen-van-hung"));
    }

    @Test
    void oldProvinceNames_resolveToTheCurrentUnit_keepingTheOldName() {
        assertThat(extract("Mưa lớn ở Bình Phước, Quảng Nam, Nam Định và Long An; huyện Trảng Bom bị cô lập."))
                .filteredOn(e -> e.type().equals("LOCATION"))
                .extracting(Entity::text, Entity::canonicalId).containsExactly(
                        tuple("Bình Phước", "province:dong-nai"), tuple("Quảng Nam", "province:da-nang"),
                        tuple("Nam Định", "province:ninh-binh"), tuple("Long An", "province:tay-ninh"),
                        tuple("huyện Trảng Bom", "province:dong-nai"));
    }

    @Test
    void placeNamesLikePeople_areNotPersons() {
        List<Entity> found = extract("Đoàn xe từ Bình Phước về Hồ Chí Minh, rồi ra Phan Thiết.");
        assertThat(found).extracting(Entity::type).containsOnly("LOCATION");
        assertThat(found).extracting(Entity::text).containsExactly("Bình Phước", "Hồ Chí Minh", "Phan Thiết");
        assertThat(of("Tư tưởng của Chủ tịch Hồ Chí Minh vẫn soi đường.", "PERSON")).containsExactly("Hồ Chí Minh");
    }

    @Test
    void unknownCommune_afterAdministrativeWord_takesTheFollowingProvince() {
        assertThat(extract("Sạt lở ở xã Đắk Ơ, tỉnh Bình Phước.")).first()
                .extracting(Entity::text, Entity::canonicalId).containsExactly("xã Đắk Ơ", "province:dong-nai");
    }

    @Test
    void organisations_headPlusFieldNameOrPlace_withStableIds() {
        List<Entity> found = extract("Công an tỉnh Đồng Nai phối hợp Sở Giao thông vận tải TP.HCM, Bệnh viện Chợ Rẫy, "
                + "Trường THPT Nguyễn Du, Bộ Y tế, EVN, Petrolimex và Vietcombank.");
        assertThat(found).filteredOn(e -> e.type().equals("ORGANIZATION")).extracting(Entity::text).containsExactly(
                "Công an tỉnh Đồng Nai", "Sở Giao thông vận tải TP.HCM", "Bệnh viện Chợ Rẫy", "Trường THPT Nguyễn Du",
                "Bộ Y tế", "EVN", "Petrolimex", "Vietcombank");
        String shortForm = extract("UBND TP.HCM chỉ đạo.").get(0).canonicalId();
        assertThat(extract("Ủy ban nhân dân TP Hồ Chí Minh chỉ đạo.").get(0).canonicalId()).isEqualTo(shortForm)
                .isEqualTo("org:uy-ban-nhan-dan-ho-chi-minh");
        assertThat(of("Phòng CSGT Công an tỉnh Đồng Nai cho biết.", "ORGANIZATION")).containsExactly("Phòng CSGT Công an tỉnh Đồng Nai");
        // Lower case "công an" is a policeman, not the organisation.
        assertThat(of("Một công an xã đã có mặt.", "ORGANIZATION")).isEmpty();
    }

    @Test
    void persons_byTitleOrSurname_titleLeftOut() {
        assertThat(of("Thượng tá Lê Văn Tâm, Chủ tịch UBND tỉnh Đồng Nai Võ Tấn Đức và chị Lan đã có mặt.", "PERSON"))
                .containsExactly("Lê Văn Tâm", "Võ Tấn Đức", "Lan");
        assertThat(of("Đường Nguyễn Văn Linh ngập sâu.", "PERSON")).isEmpty();
    }

    @Test
    void money_withCurrencyOrMultiplier_notCounts() {
        assertThat(of("Xăng tăng 500 đồng/lít; thiệt hại 1,2 tỷ đồng, mất 30 triệu, vé 20.000đ, phí 5 USD; 30 triệu người xem.", "MONEY"))
                .containsExactly("500 đồng/lít", "1,2 tỷ đồng", "30 triệu", "20.000đ", "5 USD");
    }

    @Test
    void datesAndTimes() {
        assertThat(of("Thứ năm, 25/1/2024 lúc 09:49, và ngày 3-9 lúc 7 giờ sáng, hạn chót 15h30 tháng 10/2025.", "DATE"))
                .containsExactly("Thứ năm, 25/1/2024", "ngày 3-9", "tháng 10/2025");
        assertThat(of("Thứ năm, 25/1/2024 lúc 09:49, và ngày 3-9 lúc 7 giờ sáng, hạn chót 15h30.", "TIME"))
                .containsExactly("09:49", "7 giờ sáng", "15h30");
    }

    @Test
    void plates() {
        assertThat(of("Xe 51A-123.45, xe 60C-12345 và xe 29LD-678.90 bị giữ; mã 2024-12345 thì không.", "PLATE"))
                .containsExactly("51A-123.45", "60C-12345", "29LD-678.90");
    }

    @Test
    void phones_mobileAndServiceNumbers_onlyWhenCalled() {
        List<Entity> phones = extract("Gọi 0912 345 678, 0912.345.678 hoặc +84 912 345 678; đường dây nóng 1022; báo 113/114/115. "
                + "Có 115 hộ bị ảnh hưởng.").stream().filter(e -> e.type().equals("PHONE")).toList();
        assertThat(phones).extracting(Entity::text).containsExactly("0912 345 678", "0912.345.678", "+84 912 345 678", "1022", "113", "114", "115");
        assertThat(phones.subList(0, 3)).extracting(Entity::canonicalId).containsOnly("phone:0912345678");
    }

    @Test
    void roads_numberedNamedAndExpressways() {
        assertThat(of("Ùn tắc trên QL1A, QL 14, quốc lộ 51, ĐT 781, DT741, cao tốc TP.HCM – Trung Lương và đường Nguyễn Văn Linh.", "ROAD"))
                .containsExactly("QL1A", "QL 14", "quốc lộ 51", "ĐT 781", "DT741", "cao tốc TP.HCM – Trung Lương", "đường Nguyễn Văn Linh");
    }

    @Test
    void urls_areNotMinedForEntities() {
        assertThat(extract("Xem chi tiết tại https://vnexpress.net/tin-tuc-15h30-ngay-12-11.html")).isEmpty();
    }
}
