package vn.iocstream.crawlers.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyslogReceiverTest {
    private static final String FAILED = "<38>Nov 22 08:15:02 ioc-dongnai-bastion sshd[2211]: Failed password for root"
            + " from 203.0.113.7 port 51022 ssh2";
    private static final String ACCEPTED_5424 = "<38>1 2026-11-22T08:15:09.120+07:00 ioc-dongnai-bastion sshd 2211 - - "
            + "Accepted password for tranthib from 10.70.1.23 port 51031 ssh2";
    private static final String EVE = "{\"timestamp\":\"2026-11-22T08:15:10.000+0700\",\"event_type\":\"alert\",\"src_ip\":\"203.0.113.7\","
            + "\"dest_ip\":\"10.70.0.5\",\"alert\":{\"signature\":\"ET SCAN Nmap Scripting Engine User-Agent\",\"severity\":2}}";

    private final RecordingSink sink = new RecordingSink();
    private SyslogReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) receiver.close();
    }

    private SyslogReceiver start(EventKind kind, SyslogReceiver.Protocol protocol) throws Exception {
        receiver = new SyslogReceiver(kind, protocol, "127.0.0.1", 0, 2048, sink).start();
        return receiver;
    }

    private void udp(String frame) throws Exception {
        byte[] b = frame.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), receiver.port()));
        }
    }

    private static String octets(String msg) {
        return msg.getBytes(StandardCharsets.UTF_8).length + " " + msg;
    }

    @Test
    void udpAuth_keepsTheSyslogHeaderTheAuthParserReads() throws Exception {
        start(EventKind.AUTH, SyslogReceiver.Protocol.UDP);
        udp(FAILED);
        udp(ACCEPTED_5424);
        var lines = sink.awaitLines(2);
        assertThat(lines).extracting(EventLine::text).containsExactly(
                "Nov 22 08:15:02 ioc-dongnai-bastion sshd[2211]: Failed password for root from 203.0.113.7 port 51022 ssh2",
                "2026-11-22T08:15:09.120+07:00 ioc-dongnai-bastion sshd[2211]: Accepted password for tranthib from 10.70.1.23 port 51031 ssh2");
        assertThat(lines).extracting(EventLine::source).containsOnly("ioc-dongnai-bastion/sshd");
        assertThat(lines).extracting(EventLine::lineNo).containsOnlyNulls();
    }

    @Test
    void tcpBothFramings_splitIntoMessages() throws Exception {
        start(EventKind.SURICATA, SyslogReceiver.Protocol.TCP);
        String withNewlineInside = "<134>1 2026-11-22T08:15:11+07:00 ids-hue suricata 900 - [meta seq=\"7\" note=\"a \\] b\"] " + EVE;
        try (Socket s = new Socket("127.0.0.1", receiver.port()); OutputStream out = s.getOutputStream()) {
            out.write((octets("<134>Nov 22 08:15:10 ids-hue suricata[900]: " + EVE)
                    + "<134>Nov 22 08:15:10 ids-hue suricata[900]: " + EVE + "\n"
                    + octets(withNewlineInside)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(sink.awaitLines(3)).extracting(EventLine::text).containsExactly(EVE, EVE, EVE);
        }
        assertThat(receiver.malformed()).isZero();
    }

    @Test
    void malformedFrames_countedRejectedAndReceiverKeepsGoing() throws Exception {
        start(EventKind.AUTH, SyslogReceiver.Protocol.TCP);
        try (Socket s = new Socket("127.0.0.1", receiver.port()); OutputStream out = s.getOutputStream()) {
            out.write(("no priority here\n" + "<999>Nov 22 08:15:02 h sshd[1]: x\n" + "x".repeat(3000) + "\n"
                    + FAILED + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(sink.awaitLines(1)).hasSize(1);
        }
        // A broken octet count loses the framing: that connection ends, the next one works.
        try (Socket s = new Socket("127.0.0.1", receiver.port()); OutputStream out = s.getOutputStream()) {
            out.write("12x<38>junk".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(sink.awaitRejected(4)).hasSize(4);
        }
        try (Socket s = new Socket("127.0.0.1", receiver.port()); OutputStream out = s.getOutputStream()) {
            out.write(octets(FAILED).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(sink.awaitLines(2)).hasSize(2);
        }
        assertThat(receiver.malformed()).isEqualTo(4);
        assertThat(sink.rejected()).extracting(RecordingSink.Rejected::reason).containsExactly(
                "syslog: no <PRI> at the start", "syslog: PRI out of range 999", "syslog: line over 2048 bytes",
                "syslog: octet count not followed by a space");
    }

    @Test
    void udpOversizedDatagram_rejected() throws Exception {
        start(EventKind.ACCESS, SyslogReceiver.Protocol.UDP);
        udp("<134>Nov 22 08:15:10 web-tayninh nginx: " + "a".repeat(4000));
        udp("<134>Nov 22 08:15:10 web-tayninh nginx: 203.0.113.7 - - [22/Nov/2026:08:15:10 +0700] \"GET /wp-login.php HTTP/1.1\" 404 162");
        assertThat(sink.awaitLines(1)).extracting(EventLine::text)
                .containsExactly("203.0.113.7 - - [22/Nov/2026:08:15:10 +0700] \"GET /wp-login.php HTTP/1.1\" 404 162");
        assertThat(sink.awaitRejected(1)).extracting(RecordingSink.Rejected::reason).containsExactly("syslog: datagram over 2048 bytes");
    }

    /** Issue 10's probe: 64 idle connections locked real senders out. Idle ones are now closed; the cap still holds. */
    @Test
    void idleTcpConnections_areClosed_soARealSenderGetsIn() throws Exception {
        receiver = new SyslogReceiver(EventKind.AUTH, SyslogReceiver.Protocol.TCP, "127.0.0.1", 0, 2048, sink)
                .boundedTo(3, java.time.Duration.ofMillis(500)).start();
        java.util.List<Socket> idlers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) idlers.add(new Socket(InetAddress.getLoopbackAddress(), receiver.port()));
            // A fourth while three are open is refused: the receiver closes it at once.
            try (Socket refused = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
                refused.setSoTimeout(5000);
                assertThat(refused.getInputStream().read()).isEqualTo(-1);
            }
            // The idlers are cut off after 0.5 s of silence ...
            for (Socket idler : idlers) {
                idler.setSoTimeout(5000);
                assertThat(idler.getInputStream().read()).isEqualTo(-1);
            }
            // ... and a real sender's line arrives.
            try (Socket sender = new Socket(InetAddress.getLoopbackAddress(), receiver.port());
                 OutputStream out = sender.getOutputStream()) {
                out.write((FAILED + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(sink.awaitLines(1)).extracting(EventLine::text).singleElement().asString().contains("Failed password for root");
            }
        } finally {
            for (Socket idler : idlers) idler.close();
        }
    }
}
