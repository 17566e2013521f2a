package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Thứ năm, 25/1/2024, 09:49 (GMT+7)   | 2024-01-25T02:49:00Z",
            "25/01/2024 09:49                    | 2024-01-25T02:49:00Z",
            "09:49 25/01/2024                    | 2024-01-25T02:49:00Z",
            "Đăng lúc 09:49 ngày 25/01/2024      | 2024-01-25T02:49:00Z",
            "Thứ Năm, 25/01/2024 - 09:49         | 2024-01-25T02:49:00Z",
            // An outlet abroad (or a wire copy) prints its own offset, which wins over Vietnamese local time.
            "Thứ năm, 25/1/2024, 09:49 (GMT+9)   | 2024-01-25T00:49:00Z",
    })
    void visibleVietnameseDates_parseAsLocalTimeOrPrintedOffset(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Thứ năm, 25/1/2024", "31/2/2024 09:49", "Cập nhật hôm qua"})
    void dateWithoutTimeOrImpossible_isNull(String text) {
        assertThat(Dates.parse(text)).isNull();
    }
}
