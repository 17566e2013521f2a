package vn.iocstream.crawlers.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylinesTest {
    private static final SiteNames DAN_TRI = new SiteNames("https://dantri.com.vn/xa-hoi/a.htm", "Báo điện tử Dân Trí");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hà Thu                          | Hà Thu",
            "Tác giả: Hà Thu                 | Hà Thu",
            "Bài và ảnh: Hà Thu              | Hà Thu",
            "Hà Thu - Minh Tâm               | Hà Thu;Minh Tâm",
            "Hà Thu – Minh Tâm               | Hà Thu;Minh Tâm",
            "Hà Thu và Minh Tâm              | Hà Thu;Minh Tâm",
            "Hà Thu, Minh Tâm, Quốc Huy      | Hà Thu;Minh Tâm;Quốc Huy",
            "Hà Thu (tổng hợp)               | Hà Thu",
            "Như Tâm (Theo Reuters, AFP)     | Như Tâm;Theo Reuters, AFP",
            "Theo TTXVN                      | Theo TTXVN",
            "Hà Thu - Theo VTV               | Hà Thu;Theo VTV",
            "Hà Thu hathu@dantri.com.vn      | Hà Thu",
            "NGỌC ANH - QUỐC HUY             | NGỌC ANH;QUỐC HUY",
            "Hà Thu Theo dõi                 | Hà Thu",
    })
    void bylines_giveTheirNamesOneByOne_andACreditAsAnEntry(String byline, String names) {
        assertThat(Bylines.names(byline, DAN_TRI)).containsExactly(names.split(";"));
    }

    /** The site, its CMS vendor, a URL, a handle, a role or a sentence is nobody's name. */
    @ParameterizedTest
    @ValueSource(strings = {"Dân Trí", "Báo Dân trí", "dantri.com.vn", "VCCorp.vn", "https://www.facebook.com/dantri",
            "@dantri", "admin", "Tác giả", "Người dân đổ xô đi mua vàng từ sáng sớm tại nhiều cửa hàng ở Hà Nội", "2026",
            "bình luận"})
    void nonNames_areRefused(String value) {
        assertThat(Bylines.names(value, DAN_TRI)).isEmpty();
    }

    @Test
    void aNameThatMerelyEndsLikeTheSite_isStillAName() {
        assertThat(DAN_TRI.isSite("An Trí")).isFalse();
        assertThat(DAN_TRI.isSite("Dân Trí")).isTrue();
        assertThat(new SiteNames("https://vnexpress.net/a.html", "vnexpress.net").isSite("VnExpress")).isTrue();
        assertThat(new SiteNames("https://tuoitre.vn/a.htm", "TUOI TRE ONLINE").isSite("Tuổi Trẻ Online")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hà Thu (tổng hợp)      | Hà Thu",
            "Minh Tâm - Quốc Huy    | Minh Tâm;Quốc Huy",
            "HÀ THU                 | HÀ THU",
            "PV                     | PV",
            "Theo TTXVN             | Theo TTXVN",
            "(Theo VnExpress)       | Theo VnExpress",
    })
    void closingSignatures_areRecognised(String line, String names) {
        assertThat(Bylines.signature(line, DAN_TRI)).containsExactly(names.split(";"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hết", "Chúc mừng năm mới.", "Người dân phấn khởi vì được mùa, được giá",
            "Ảnh: Hoàng Nam", "Hà Nội, ngày 7/3/2026"})
    void sentencesAndShortWords_areNoSignature(String line) {
        assertThat(Bylines.signature(line, DAN_TRI)).isEqualTo(List.of());
    }
}
