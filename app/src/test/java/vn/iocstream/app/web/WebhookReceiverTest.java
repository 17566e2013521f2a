package vn.iocstream.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's webhook receiver refuses what a real receiver should: oversized bodies and unsigned requests. */
class WebhookReceiverTest {
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    /** The status line the receiver answers to {@code head} followed by {@code body}. */
    private static String statusLine(URI url, String head, byte[] body) throws Exception {
        try (Socket s = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void bodyOverOneMebibyte_isRefusedWith413_beforeItIsRead_andUnsignedWith401() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(SECRET)) {
            URI url = URI.create(receiver.url());
            String big = "POST " + url.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + ((1 << 20) + 1) + "\r\n\r\n";
            assertThat(statusLine(url, big, new byte[0])).startsWith("HTTP/1.1 413");
            String unsigned = "POST " + url.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n";
            assertThat(statusLine(url, unsigned, "{}".getBytes(StandardCharsets.UTF_8))).startsWith("HTTP/1.1 401");
            assertThat(receiver.rejected()).isEqualTo(1);
            assertThat(receiver.receipts()).isEmpty();
        }
    }
}
