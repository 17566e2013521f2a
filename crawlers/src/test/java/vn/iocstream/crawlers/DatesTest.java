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
            "Thứ bảy, 7/3/2026, 08:01 (GMT+7)    | 2026-03-07T01:01:00Z",
            "07/03/2026 08:01                    | 2026-03-07T01:01:00Z",
            "Thứ Bảy, 07/03/2026 - 08:01         | 2026-03-07T01:01:00Z",
            "07-03-2026 08:01                    | 2026-03-07T01:01:00Z",
            "08h01 ngày 7/3/2026                 | 2026-03-07T01:01:00Z",
            "8 giờ 01 ngày 7 tháng 3 năm 2026    | 2026-03-07T01:01:00Z",
            "7/3/2026 8:01 PM                    | 2026-03-07T13:01:00Z",
            "07/03/2026 08:01 CH                 | 2026-03-07T13:01:00Z",
    })
    void visibleVietnameseDates_parseAsLocalTimeOrPrintedOffset(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    /** Every offset form CMSes print in JSON-LD and meta tags, and none (local time). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-07T08:01:00+07:00           | 2026-03-07T01:01:00Z",
            "2026-03-07T08:01:00+0700            | 2026-03-07T01:01:00Z",
            "2026-03-07T08:01:00+07              | 2026-03-07T01:01:00Z",
            "2026-03-07T01:01:00Z                | 2026-03-07T01:01:00Z",
            "2026-03-07T01:01:00.123Z            | 2026-03-07T01:01:00.123Z",
            "2026-03-07T08:01:00.000000+07:00    | 2026-03-07T01:01:00Z",
            "2026-03-07T08:01+07:00              | 2026-03-07T01:01:00Z",
            "2026-03-07 08:01:00 +07:00          | 2026-03-07T01:01:00Z",
            "2026-03-06T20:01:00-0500            | 2026-03-07T01:01:00Z",
            "2026-03-07T08:01:00                 | 2026-03-07T01:01:00Z",
            "2026-03-07 08:01                    | 2026-03-07T01:01:00Z",
            "2026/03/07 08:01:00                 | 2026-03-07T01:01:00Z",
            "Sat, 07 Mar 2026 08:01:00 +0700     | 2026-03-07T01:01:00Z",
    })
    void isoAndRfcTimes_inEveryOffsetForm(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8 giờ trước        | 2026-03-07T02:00:00Z",
            "30 phút trước      | 2026-03-07T09:30:00Z",
            "2 ngày trước       | 2026-03-05T10:00:00Z",
            "3 hours ago        | 2026-03-07T07:00:00Z",
            "Vừa xong           | 2026-03-07T10:00:00Z",
    })
    void relativeDatelines_countBackFromNow_onlyWhenNowIsGiven(String text, String expected) {
        Instant now = Instant.parse("2026-03-07T10:00:00Z");

        assertThat(Dates.parse(text, now)).isEqualTo(Instant.parse(expected));
        assertThat(Dates.parse(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Thứ năm, 25/1/2024", "31/2/2024 09:49", "Cập nhật hôm qua", "2026-03-07",
            "2026-02-30T08:01:00+07:00", "25:10 07/03/2026", "13:01 PM 07/03/2026"})
    void dateWithoutTimeOrImpossible_isNull(String text) {
        assertThat(Dates.parse(text)).isNull();
    }

    @org.junit.jupiter.api.Test
    void yearsBeyond9999_parse_soThatThePlausibleWindowRefusesThem() {
        assertThat(Dates.parse("+300000000-01-01T00:00:00Z")).isAfter(Instant.parse("9999-12-31T00:00:00Z"));
    }
}
