package vn.iocstream.app.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, in memory: a restart logs everyone out, which is acceptable for a control room and
 * keeps session tokens out of any table. A session has a random id (the cookie) and its own random CSRF token
 * (sent back in a header on every state change); it ends after {@code idle} without a request, after
 * {@code maxAge} in any case, at logout, and when its account is disabled or its password changed.
 */
public final class Sessions {
    /**
     * @param id      the cookie value (256 random bits)
     * @param csrf    the token a state-changing request must echo in {@code X-CSRF-Token}
     * @param version the account's {@code updated} time at login: a later change ends the session
     */
    public record Session(String id, String csrf, String user, Role role, Scope scope, Instant created, Instant version) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;

    public Sessions(Clock clock, Duration idle, Duration maxAge) {
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    public Session open(Account account, Scope scope) {
        Instant now = clock.instant();
        Session s = new Session(token(), token(), account.name(), account.roleValue(), scope, now, account.updated());
        byId.put(s.id(), s);
        lastSeen.put(s.id(), now);
        return s;
    }

    /**
     * The live session with this id, touched; empty if unknown, expired, or its account is gone, disabled or
     * changed since login.
     */
    public Optional<Session> find(String id, AccountStore accounts) {
        if (id == null) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        Instant seen = lastSeen.getOrDefault(id, s.created());
        Optional<Account> account = accounts.find(s.user());
        boolean valid = now.isBefore(seen.plus(idle)) && now.isBefore(s.created().plus(maxAge))
                && account.isPresent() && !account.get().disabled() && account.get().updated().equals(s.version());
        if (!valid) {
            close(id);
            return Optional.empty();
        }
        lastSeen.put(id, now);
        return Optional.of(s);
    }

    public void close(String id) {
        if (id == null) return;
        byId.remove(id);
        lastSeen.remove(id);
    }

    public int size() {
        return byId.size();
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Constant-time comparison of a presented CSRF token with the session's. */
    public static boolean sameToken(String expected, String presented) {
        if (expected == null || presented == null) return false;
        return java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
