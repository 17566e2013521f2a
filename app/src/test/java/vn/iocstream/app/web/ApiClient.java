package vn.iocstream.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.iocstream.core.json.Json;

/**
 * A client of the control room's API as a browser script would be: the session cookie (sent by hand, as a
 * browser sends a Secure cookie to 127.0.0.1) and the CSRF token from {@code /api/me}.
 */
final class ApiClient {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return Json.parse(body, JsonNode.class);
        }
    }

    final String base;
    final String cookie;
    final String csrf;

    private ApiClient(String base, String cookie, String csrf) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    static ApiClient anonymous(String base) {
        return new ApiClient(base, null, null);
    }

    static ApiClient login(String base, String user, String password) throws Exception {
        Reply r = anonymous(base).post("api/login", "{\"user\":" + Json.string(user) + ",\"password\":" + Json.string(password) + "}", false);
        if (r.status() != 200) throw new AssertionError("login of " + user + ": " + r.status() + " " + r.body());
        String setCookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        return new ApiClient(base, cookie, r.json().get("csrf").asText());
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A POST with the CSRF token when {@code withCsrf}. */
    Reply post(String path, String json, boolean withCsrf) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (withCsrf && csrf != null) b.header(ControlRoom.CSRF_HEADER, csrf);
        return send(b);
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, true);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) b.header("Cookie", cookie);
        return b;
    }

    private static Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r);
    }
}
