package vn.iocstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;

class JsonKafkaSinkTest {
    @Test
    void alertFromAFastSensorClock_keyedJson_withoutTheEventTimeAsKafkaTimestamp() {
        Instant nextMonth = Instant.now().plusSeconds(30L * 86_400);
        Alert alert = new Alert("a1", AlertKinds.SECURITY_BRUTEFORCE, "ssh-brute-force", "warning", "45.76.12.9",
                "Dò mật khẩu SSH từ 45.76.12.9", "", Locality.province("Tây Ninh"), Map.of(), null, nextMonth, nextMonth, 12, 0,
                List.of("e1"), AlertDrivers.NONE, null, nextMonth);
        ProducerRecord<byte[], byte[]> record = new JsonKafkaSink.JsonRecords<Alert>("ioc.alerts", Alert::id)
                .serialize(alert, null, nextMonth.toEpochMilli());
        // A broker rejects timestamps an hour ahead of its clock; null lets the producer stamp the time of writing.
        assertThat(record.timestamp()).isNull();
        assertThat(record.topic()).isEqualTo("ioc.alerts");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("a1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"rule\":\"ssh-brute-force\"");
    }
}
