package vn.iocstream.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.testing.ClickHouseTestServer;

/** The audit trail on a real ClickHouse: written in batches, never a part per entry, and read back by its writer. */
class AuditLogTest {

    @Test
    void fiveHundredFailedLogins_makeAFewInsertsNotFiveHundred_andAreReadBack() {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("audit");
        try (AuditLog audit = new AuditLog(clickHouse, Clock.systemUTC())) {
            for (int i = 0; i < 500; i++) {
                audit.record("ke-do-mat-khau", "", "login-failed", "", "bad-password", "lần " + i, "203.0.113.7");
            }
            audit.record("trucban.tamhiep", "operator", "alert.ack", "a-42", "ok", "đã cử lực lượng", "10.70.1.23");
            // A read sees what waits: the writer never misses its own entries.
            assertThat(audit.about("a-42")).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("đã cử lực lượng"));
            assertThat(clickHouse.queryLong("SELECT count() FROM audit_log WHERE action = 'login-failed'")).isEqualTo(500);
            assertThat(clickHouse.queryLong("SELECT count() FROM system.parts WHERE database = '" + clickHouse.database()
                    + "' AND table = 'audit_log'")).as("parts written (one per insert)").isLessThanOrEqualTo(3);
        }
    }
}
