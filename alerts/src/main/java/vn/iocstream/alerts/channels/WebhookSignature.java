package vn.iocstream.alerts.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code webhook-signature: v1,<base64 of HMAC-SHA256(key, id + "." + timestamp + "." +
 * body)>}, the key being the base64 part of a {@code whsec_…} secret. A receiver recomputes it and compares, and
 * rejects old timestamps, so a captured request cannot be replayed.
 */
public final class WebhookSignature {
    private final byte[] key;

    /** @param secret {@code whsec_} + base64 */
    public WebhookSignature(String secret) {
        if (!secret.startsWith("whsec_")) throw new IllegalArgumentException("a webhook secret starts with whsec_");
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** The {@code webhook-signature} header's value for one message. */
    public String sign(String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
