package vn.iocstream.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for the servers the runtime starts (they listen on 127.0.0.1 only). */
public final class Ports {
    private Ports() {}

    /** A port free on 127.0.0.1 right now; another process could still take it before it is bound. */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
