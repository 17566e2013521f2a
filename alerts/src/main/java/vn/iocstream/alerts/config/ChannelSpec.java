package vn.iocstream.alerts.config;

import java.net.URI;
import java.time.Duration;

/** A configured channel of {@code alerts.yaml}: its name (what receivers refer to), its kind and its settings. */
public sealed interface ChannelSpec {
    String name();

    String type();

    Retry retry();

    /**
     * A JSON POST signed as Standard Webhooks specifies.
     *
     * @param secret {@code whsec_} + base64 of 24..64 random bytes (the signing key)
     */
    record Webhook(String name, URI url, String secret, Retry retry) implements ChannelSpec {
        @Override public String type() { return "webhook"; }

        @Override public String toString() { return "Webhook[" + name + ", " + url + "]"; } // never the secret
    }

    /**
     * Telegram Bot API {@code sendMessage}.
     *
     * @param apiUrl      {@code https://api.telegram.org} (or a local Bot API server)
     * @param perChatGap  minimum pause between two messages to one chat (Telegram allows about one a second)
     */
    record Telegram(String name, String token, URI apiUrl, Duration perChatGap, Retry retry) implements ChannelSpec {
        @Override public String type() { return "telegram"; }

        @Override public String toString() { return "Telegram[" + name + ", " + apiUrl + "]"; }
    }

    /**
     * SMTP submission.
     *
     * @param security {@code starttls} (required STARTTLS, port 587), {@code tls} (implicit TLS, port 465) or
     *                 {@code none} (plain; only for a relay on a trusted network)
     * @param trust    hosts whose certificate is trusted without a CA chain ({@code mail.smtp.ssl.trust}); "" = none
     */
    record Email(String name, String host, int port, String security, String username, String password, String from,
                 String trust, Retry retry) implements ChannelSpec {
        @Override public String type() { return "email"; }

        @Override public String toString() { return "Email[" + name + ", " + host + ":" + port + ", " + security + "]"; }
    }

    /**
     * Zalo Official Account: the OA API for followers (address {@code user:ID}) and ZNS templates for phone numbers
     * (address {@code phone:84…}).
     *
     * @param refreshTokenFile where the current refresh token is kept (Zalo rotates it at every refresh); seeded from
     *                         {@code refreshToken} when missing
     */
    record Zalo(String name, String appId, String secretKey, String refreshToken, String refreshTokenFile,
                URI oauthUrl, URI oaApiUrl, URI znsUrl, String templateId, Retry retry) implements ChannelSpec {
        @Override public String type() { return "zalo"; }

        @Override public String toString() { return "Zalo[" + name + ", app " + appId + "]"; }
    }
}
