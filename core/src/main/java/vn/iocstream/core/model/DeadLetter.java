package vn.iocstream.core.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A record that could not be processed, on {@code ioc.deadletter}: the original bytes (Base64, so that
 * nothing is lost even when they are not UTF-8), a readable preview, and the reason.
 */
public record DeadLetter(String sourceTopic, String reason, String payloadBase64, String preview, Instant receivedAt) {
    private static final int PREVIEW_CHARS = 200;

    public static DeadLetter of(String sourceTopic, String reason, byte[] payload, Instant receivedAt) {
        byte[] bytes = payload == null ? new byte[0] : payload;
        String text = new String(bytes, StandardCharsets.UTF_8);
        String preview = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text;
        return new DeadLetter(sourceTopic, reason, Base64.getEncoder().encodeToString(bytes), preview, receivedAt);
    }

    public byte[] payload() {
        return Base64.getDecoder().decode(payloadBase64);
    }
}
