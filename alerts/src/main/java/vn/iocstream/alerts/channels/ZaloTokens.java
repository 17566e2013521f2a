package vn.iocstream.alerts.channels;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import vn.iocstream.alerts.config.ChannelSpec;
import vn.iocstream.core.json.Json;

/**
 * The OA access token and its refresh (Zalo OAuth v4: {@code POST oauthUrl} with header {@code secret_key} and form
 * {@code refresh_token, app_id, grant_type=refresh_token}, answering {@code access_token, refresh_token, expires_in}).
 * Zalo's refresh tokens are single-use: each refresh returns a new one, which is written (atomically, mode 600) to
 * {@code refreshTokenFile} before the access token is used, so a restart continues with the valid token. The access
 * token is refreshed a minute before it expires, or at once when the API calls it invalid.
 */
final class ZaloTokens {
    private static final Duration EARLY = Duration.ofMinutes(1);

    private final ChannelSpec.Zalo spec;
    private final HttpClient http;
    private final Clock clock;
    private String accessToken;
    private Instant expiresAt = Instant.EPOCH;

    ZaloTokens(ChannelSpec.Zalo spec, HttpClient http, Clock clock) {
        this.spec = spec;
        this.http = http;
        this.clock = clock;
    }

    /** A valid access token, refreshed when missing or about to expire. */
    synchronized String current() throws DeliveryException, InterruptedException {
        if (accessToken == null || !clock.instant().plus(EARLY).isBefore(expiresAt)) refresh();
        return accessToken;
    }

    /** Forgets the access token (the API said it is invalid): the next {@link #current} refreshes. */
    synchronized void invalidate(String token) {
        if (token.equals(accessToken)) accessToken = null;
    }

    private void refresh() throws DeliveryException, InterruptedException {
        String refreshToken = readRefreshToken();
        String form = "refresh_token=" + enc(refreshToken) + "&app_id=" + enc(spec.appId()) + "&grant_type=refresh_token";
        HttpRequest request = HttpRequest.newBuilder(spec.oauthUrl()).timeout(spec.retry().timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("secret_key", spec.secretKey())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) throw DeliveryException.temporary("Zalo OAuth HTTP " + response.statusCode(), null);
            answer = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw DeliveryException.temporary("Zalo OAuth unreachable: " + e.getClass().getSimpleName(), null);
        }
        String access = answer.path("access_token").asText("");
        String nextRefresh = answer.path("refresh_token").asText("");
        if (access.isEmpty() || nextRefresh.isEmpty()) {
            // An invalid or used refresh token needs a person to authorise the OA again: retrying cannot help.
            throw DeliveryException.permanent("Zalo OAuth refused the refresh token: " + answer.path("error").asText("")
                    + " " + answer.path("error_description").asText(answer.path("message").asText("")));
        }
        writeRefreshToken(nextRefresh);
        accessToken = access;
        // expires_in comes as a string of seconds ("90000"); read either form.
        long seconds = answer.path("expires_in").isNumber() ? answer.path("expires_in").asLong()
                : Long.parseLong(answer.path("expires_in").asText("3600").strip());
        expiresAt = clock.instant().plusSeconds(seconds);
    }

    private String readRefreshToken() throws DeliveryException {
        Path file = Path.of(spec.refreshTokenFile());
        try {
            if (Files.isRegularFile(file)) return Files.readString(file).strip();
        } catch (IOException e) {
            throw DeliveryException.temporary("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (spec.refreshToken().isBlank()) {
            throw DeliveryException.permanent("no Zalo refresh token: set refreshToken or write one to " + file);
        }
        return spec.refreshToken();
    }

    private void writeRefreshToken(String token) throws DeliveryException {
        Path file = Path.of(spec.refreshTokenFile()).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".zalo-refresh", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, token + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            throw DeliveryException.temporary("cannot keep the new Zalo refresh token in " + file + ": " + e.getMessage(), null);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
