package vn.iocstream.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iocstream.dashboards.GrafanaMacros.Selection;

/** The emulation itself, against the plugin behaviour that PLATFORM.md documents. */
class GrafanaMacrosTest {
    private static final Instant FROM = Instant.parse("2026-11-20T17:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-21T01:30:00Z");
    private static final String FILTER = "SELECT 1 WHERE $__conditionalAll(province IN (${province:singlequote}), $province)";

    private static GrafanaMacros with(Selection province) {
        return new GrafanaMacros(FROM, TO, Duration.ofMinutes(5), Map.of("province", province));
    }

    @Test
    void conditionalAll_withAllOrNothingSelected_becomesOneEqualsOne() {
        assertThat(with(Selection.all(List.of("Tây Ninh", "Đồng Nai"))).expand(FILTER)).isEqualTo("SELECT 1 WHERE 1=1");
        assertThat(with(Selection.of(true)).expand(FILTER)).isEqualTo("SELECT 1 WHERE 1=1");
    }

    @Test
    void conditionalAll_withValues_keepsTheConditionWithQuotedValues() {
        assertThat(with(Selection.of(true, "Tây Ninh")).expand(FILTER))
                .isEqualTo("SELECT 1 WHERE province IN ('Tây Ninh')");
        assertThat(with(Selection.of(true, "Tây Ninh", "Đồng Nai")).expand(FILTER))
                .isEqualTo("SELECT 1 WHERE province IN ('Tây Ninh','Đồng Nai')");
    }

    @Test
    void conditionalAll_withATopLevelComma_isLeftForClickHouseToReject() {
        String sql = "SELECT 1 WHERE $__conditionalAll(has([${province:singlequote}], 'x') AND [1, 2] = [1, 2], $province)";
        assertThat(with(Selection.all(List.of("Tây Ninh"))).conditionalAll(sql)).isEqualTo(sql);
    }

    @Test
    void plainVariable_isRawWhenSingleValue_andQuotedWhenMultiValue() {
        String sql = "SELECT '$province', [$province], ${province:singlequote}";
        assertThat(with(Selection.of(false, "Đà Nẵng")).interpolate(sql)).isEqualTo("SELECT 'Đà Nẵng', [Đà Nẵng], 'Đà Nẵng'");
        assertThat(with(Selection.of(true, "Đà Nẵng")).interpolate(sql)).isEqualTo("SELECT ''Đà Nẵng'', ['Đà Nẵng'], 'Đà Nẵng'");
    }

    @Test
    void singlequote_escapesQuotesInValues() {
        assertThat(with(Selection.of(true, "Bà Rịa 'cũ'")).interpolate("${province:singlequote}"))
                .isEqualTo("'Bà Rịa \\'cũ\\''");
    }

    @Test
    void backendMacros_useUnixSecondsAndUtcDates() {
        GrafanaMacros macros = with(Selection.of(true));
        assertThat(macros.expand("WHERE $__timeFilter(published_at) AND $__dateFilter( d ) AND x < $__toTime"))
                .isEqualTo("WHERE published_at >= toDateTime(1795194000) AND published_at <= toDateTime(1795224600)"
                        + " AND d >= toDate('2026-11-20') AND d <= toDate('2026-11-21') AND x < toDateTime(1795224600)");
        assertThat(macros.expand("intDiv(toUInt32(t), $__interval_s) * $__interval_s"))
                .isEqualTo("intDiv(toUInt32(t), 300) * 300");
    }

    @Test
    void intervalSeconds_isAtLeastOne() {
        assertThat(new GrafanaMacros(FROM, TO, Duration.ofMillis(200), Map.of()).expand("$__interval_s")).isEqualTo("1");
    }

    @Test
    void macrosThatNeedNewerClickHouse_orDoNotExist_areRefused() {
        GrafanaMacros macros = with(Selection.of(true));
        assertThatThrownBy(() -> macros.expand("SELECT $__timeInterval(published_at)")).hasMessageContaining("18.16");
        assertThatThrownBy(() -> macros.expand("WHERE $__timeFilter_ms(published_at)")).hasMessageContaining("18.16");
        assertThatThrownBy(() -> macros.expand("GROUP BY $__timeGroup(published_at, 1m)")).hasMessageContaining("not a");
    }
}
