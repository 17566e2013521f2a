package vn.iocstream.app.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.iocstream.app.digest.DigestScenario.at;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.testing.ClickHouseTestServer;

/** Scheduled digest e-mails through the alerts file's e-mail channel to a real SMTP server (GreenMail). */
class DigestScheduleTest {
    private static ClickHouseClient clickHouse;
    @TempDir
    Path dir;
    private GreenMail mail;
    private int port;

    @BeforeAll
    static void scenario() {
        clickHouse = ClickHouseTestServer.freshDatabase("digestmail");
        DigestScenario.insert(clickHouse);
    }

    @BeforeEach
    void smtp() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void dueDigest_isSentOnceWithItsAttachments_evenAcrossARestart() throws Exception {
        IocConfig config = config("{at: \"06:30\", scope: \"Đồng Nai\", channel: mail-so, to: [lanhdao@dongnai.gov.vn]}");

        schedule(config, at(1, "06:29")).tick();
        assertThat(mail.getReceivedMessages()).as("before 06:30").isEmpty();

        DigestSchedule s = schedule(config, at(1, "06:31"));
        s.tick();
        s.tick();
        schedule(config, at(1, "09:00")).tick(); // a restart later that morning
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        Thread.sleep(500);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Điểm tin ngày 20/11/2026 — tỉnh Đồng Nai");
        assertThat(m.getMessageID()).isEqualTo("<digest-tinh-dong-nai-2026-11-20@ioc-stream>");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("lanhdao@dongnai.gov.vn");
        List<String> names = new ArrayList<>();
        Multipart mixed = (Multipart) m.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (part.getFileName() != null) names.add(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()));
        }
        assertThat(names).containsExactly("diem-tin-tinh-dong-nai-2026-11-20.pdf", "diem-tin-tinh-dong-nai-2026-11-20.xlsx");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("1. Ngập sâu trên QL1A qua phường Tam Hiệp");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<h1", "Câu chuyện nổi bật (5 trong 5 câu chuyện)");
        assertThat(Files.readAllLines(dir.resolve("digest/sent.txt"))).hasSize(1);

        schedule(config, at(2, "06:30")).tick(); // the next morning: the next day's digest
        assertThat(mail.waitForIncomingEmail(10_000, 2)).isTrue();
    }

    @Test
    void badEntries_stopTheStartNamingThem() {
        assertThatThrownBy(() -> schedule(config("{at: \"6h30\", scope: \"Đồng Nai\", channel: mail-so, to: [a@b.vn]}"), Instant.EPOCH))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("digest.emails[0]: at must be a time of day");
        assertThatThrownBy(() -> schedule(config("{at: \"06:30\", scope: \"Đồng Nai\", channel: telegram-x, to: [a@b.vn]}"), Instant.EPOCH))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("no channel 'telegram-x'");
        assertThatThrownBy(() -> schedule(config("{at: \"06:30\", scope: \"Gotham\", channel: mail-so, to: [a@b.vn]}"), Instant.EPOCH))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("digest.emails[0]");
    }

    private DigestSchedule schedule(IocConfig config, Instant now) throws IOException {
        return DigestSchedule.create(config, clickHouse, Clock.fixed(now, ZoneOffset.UTC));
    }

    private IocConfig config(String entry) throws IOException {
        Path alerts = dir.resolve("alerts.yaml");
        Files.writeString(alerts, "channels:\n  - {name: mail-so, type: email, host: 127.0.0.1, port: " + port
                + ", security: none, from: diemtin@dongnai.gov.vn, attempts: 2, timeout: 5s}\n");
        Path file = dir.resolve("ioc.yaml");
        Files.writeString(file, "alerts: {file: \"" + alerts + "\"}\ndigest:\n  outDir: \"" + dir.resolve("digest") + "\"\n  emails:\n    - " + entry + "\n");
        return ConfigLoader.load(file, List.of());
    }
}
