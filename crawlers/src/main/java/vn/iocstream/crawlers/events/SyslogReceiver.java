package vn.iocstream.crawlers.events;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives syslog over UDP (one message per datagram) or TCP (RFC 6587: octet counting {@code 57 <38>…} or
 * newline-terminated frames, detected per frame as rsyslog and syslog-ng send either) and hands each message's
 * line to the sink for the configured kind. Bad input — no {@code <PRI>}, a broken octet count, a frame over the
 * size limit — is counted and rejected to the sink with its reason; it never stops the receiver. A TCP connection
 * whose octet count cannot be read is closed, because its framing is lost (the sender reconnects).
 *
 * <p>Delivery: syslog has no acknowledgement, so a message lost in transit (UDP) or in the receiver's buffers when
 * the process dies is lost; use a file feed where that matters. Lines carry no line number, so identical
 * messages (same host, text and second) make one security event.
 */
public final class SyslogReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogReceiver.class);
    /** Defaults of {@code eventFeeds.syslogMaxConnections} and {@code syslogIdleSeconds}. */
    static final int MAX_CONNECTIONS = 64;
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_OCTET_DIGITS = 9;

    public enum Protocol {
        UDP, TCP;

        public static Protocol of(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("syslog protocol must be udp or tcp, got: " + name);
            }
        }
    }

    private final EventKind kind;
    private final Protocol protocol;
    private final InetSocketAddress address;
    private final int maxFrameBytes;
    private final EventSink sink;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private int maxConnections = MAX_CONNECTIONS;
    private Duration idleTimeout = IDLE_TIMEOUT;
    private DatagramSocket udp;
    private ServerSocket tcp;

    /** @param port 0 picks a free one (see {@link #port()}) */
    public SyslogReceiver(EventKind kind, Protocol protocol, String host, int port, int maxFrameBytes, EventSink sink) {
        this.kind = kind;
        this.protocol = protocol;
        this.address = new InetSocketAddress(host, port);
        this.maxFrameBytes = maxFrameBytes;
        this.sink = sink;
    }

    /**
     * TCP only: at most {@code connections} open at once (one more is refused), and a connection silent for
     * {@code idle} is closed, so that idle or stalled peers cannot keep slots from real senders. Call before start.
     */
    public SyslogReceiver boundedTo(int connections, Duration idle) {
        if (connections < 1 || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("syslog connection cap and idle timeout must be positive");
        }
        this.maxConnections = connections;
        this.idleTimeout = idle;
        return this;
    }

    public SyslogReceiver start() throws IOException {
        String name = "syslog-" + protocol.name().toLowerCase(Locale.ROOT) + "-" + kind.configName();
        if (protocol == Protocol.UDP) {
            udp = new DatagramSocket(address);
            daemon(name, this::receiveUdp).start();
        } else {
            tcp = new ServerSocket();
            tcp.setReuseAddress(true);
            tcp.bind(address);
            daemon(name, this::acceptTcp).start();
        }
        LOG.info("{} listening on {}:{} for {} lines", protocol, address.getHostString(), port(), kind.configName());
        return this;
    }

    public int port() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    public InetAddress address() {
        return udp != null ? udp.getLocalAddress() : tcp.getInetAddress();
    }

    public EventKind kind() {
        return kind;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Frames received, well-formed or not. */
    public long received() {
        return received.get();
    }

    public long malformed() {
        return malformed.get();
    }

    private void receiveUdp() {
        byte[] buf = new byte[maxFrameBytes + 1];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                packet.setLength(buf.length);
                udp.receive(packet);
                byte[] frame = Arrays.copyOf(packet.getData(), packet.getLength());
                if (frame.length > maxFrameBytes) reject("syslog: datagram over " + maxFrameBytes + " bytes", frame);
                else handle(frame);
            } catch (IOException e) {
                if (!closed) LOG.warn("syslog udp receive: {}", e.toString());
            }
        }
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                if (connections.size() >= maxConnections) {
                    LOG.warn("syslog tcp: {} connections open (eventFeeds.syslogMaxConnections), refusing {}", maxConnections,
                            s.getRemoteSocketAddress());
                    s.close();
                    continue;
                }
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
                connections.add(s);
                daemon("syslog-tcp-" + s.getPort(), () -> serve(s)).start();
            } catch (IOException e) {
                if (!closed) LOG.warn("syslog tcp accept: {}", e.toString());
            }
        }
    }

    private void serve(Socket s) {
        try {
            InputStream in = new BufferedInputStream(s.getInputStream());
            while (!closed && readFrame(in)) {
                // each frame is handled inside readFrame
            }
        } catch (SocketTimeoutException e) {
            LOG.info("syslog tcp connection {}: silent for {} s (eventFeeds.syslogIdleSeconds), closed",
                    s.getRemoteSocketAddress(), idleTimeout.toSeconds());
        } catch (SocketException e) {
            if (!closed) LOG.debug("syslog tcp connection {}: {}", s.getRemoteSocketAddress(), e.toString());
        } catch (IOException e) {
            LOG.warn("syslog tcp connection {}: {}", s.getRemoteSocketAddress(), e.toString());
        } finally {
            // Counted out before the close: a sender that sees this connection end may connect at once.
            connections.remove(s);
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a socket that failed: nothing left to release
            }
        }
    }

    /** Reads and handles one frame; false at the end of the stream or when framing is lost. */
    private boolean readFrame(InputStream in) throws IOException {
        int c = in.read();
        while (c == '\n' || c == '\r') c = in.read();
        if (c < 0) return false;
        if (c >= '1' && c <= '9') {
            // Octet counting: MSG-LEN SP SYSLOG-MSG.
            long len = c - '0';
            int digits = 1;
            while ((c = in.read()) >= '0' && c <= '9' && digits < MAX_OCTET_DIGITS) {
                len = len * 10 + (c - '0');
                digits++;
            }
            if (c != ' ') {
                reject("syslog: octet count not followed by a space", Long.toString(len).getBytes(StandardCharsets.US_ASCII));
                return false;
            }
            if (len > maxFrameBytes) {
                in.skipNBytes(len);
                reject("syslog: frame of " + len + " bytes over " + maxFrameBytes, new byte[0]);
                return true;
            }
            byte[] frame = in.readNBytes((int) len);
            if (frame.length < len) {
                reject("syslog: connection closed inside a " + len + "-byte frame", frame);
                return false;
            }
            handle(frame);
            return true;
        }
        // Non-transparent framing: up to LF.
        byte[] buf = new byte[256];
        int n = 0;
        boolean tooLong = false;
        while (c >= 0 && c != '\n') {
            if (n < maxFrameBytes) {
                if (n == buf.length) buf = Arrays.copyOf(buf, Math.min(maxFrameBytes, buf.length * 2));
                buf[n++] = (byte) c;
            } else {
                tooLong = true;
            }
            c = in.read();
        }
        byte[] frame = Arrays.copyOf(buf, n);
        if (tooLong) reject("syslog: line over " + maxFrameBytes + " bytes", frame);
        else handle(frame);
        return c >= 0;
    }

    private void handle(byte[] frame) {
        received.incrementAndGet();
        SyslogMessage m;
        try {
            m = SyslogMessage.parse(new String(frame, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            malformed.incrementAndGet();
            safely(() -> sink.reject(kind, e.getMessage(), frame));
            return;
        }
        String line = m.lineFor(kind);
        if (kind.skips(line)) return;
        String source = m.host().isEmpty() ? "syslog" : m.host() + (m.tag().isEmpty() ? "" : "/" + m.tag());
        safely(() -> sink.accept(kind, new EventLine(source, null, line)));
    }

    private void reject(String reason, byte[] frame) {
        received.incrementAndGet();
        malformed.incrementAndGet();
        safely(() -> sink.reject(kind, reason, frame));
    }

    /** A failing sink (broker down) costs this message, never the receiver thread. */
    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("syslog {}: sink failed: {}", kind.configName(), e.toString());
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        if (udp != null) udp.close();
        try {
            if (tcp != null) tcp.close();
        } catch (IOException ignored) {
            // the port is released either way
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a peer connection on shutdown
            }
        }
    }
}
