package vn.iocstream.alerts.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks request, written from the specification (standardwebhooks.com,
 * "Verifying webhook authenticity"), independently of the sender's code: the signed content is
 * {@code msg_id.timestamp.payload}; the key is the base64 part of {@code whsec_…}; the header holds space-separated
 * {@code v1,<base64 signature>} entries, any of which may match (constant-time comparison); the timestamp must be
 * within the tolerance of now, which defeats replays.
 */
public final class StandardWebhooksVerifier {
    private final byte[] key;
    private final Duration tolerance;

    public StandardWebhooksVerifier(String secret, Duration tolerance) {
        String base64 = secret.substring(secret.indexOf('_') + 1);
        this.key = Base64.getDecoder().decode(base64);
        this.tolerance = tolerance;
    }

    /** Whether the request is authentic and fresh. */
    public boolean verify(String msgId, String timestamp, String signatureHeader, byte[] payload, Instant now) {
        if (msgId == null || timestamp == null || signatureHeader == null) return false;
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) return false;
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signedContent = (msgId + "." + timestamp + "." + new String(payload, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            expected = Base64.getEncoder().encode(hmac.doFinal(signedContent));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (String versioned : signatureHeader.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma < 0 || !versioned.substring(0, comma).equals("v1")) continue;
            if (MessageDigest.isEqual(expected, versioned.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) return true;
        }
        return false;
    }
}
