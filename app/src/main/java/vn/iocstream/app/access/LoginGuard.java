package vn.iocstream.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing two ways: per client address, at most {@code attemptsPerMinute} login attempts a
 * minute (answered 429 beyond); per account, {@code lockoutFailures} failures in a row lock it for
 * {@code lockout} (answered as a failed login, so a guesser learns nothing). A success resets the account's
 * count.
 */
public final class LoginGuard {
    /** What to do with a login attempt before checking its password. */
    public enum Verdict { TRY, TOO_FAST, LOCKED }

    private final Clock clock;
    private final int attemptsPerMinute;
    private final int lockoutFailures;
    private final Duration lockout;
    private final Map<String, Deque<Instant>> attemptsByAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> failuresByUser = new ConcurrentHashMap<>();

    private static final class Failures {
        int inARow;
        Instant lockedUntil = Instant.MIN;
    }

    public LoginGuard(Clock clock, int attemptsPerMinute, int lockoutFailures, Duration lockout) {
        this.clock = clock;
        this.attemptsPerMinute = attemptsPerMinute;
        this.lockoutFailures = lockoutFailures;
        this.lockout = lockout;
    }

    public Verdict check(String address, String user) {
        Instant now = clock.instant();
        // Addresses that stopped trying are forgotten, so a spray of addresses cannot grow the map without end.
        if (attemptsByAddress.size() > 10_000) {
            attemptsByAddress.values().removeIf(d -> {
                synchronized (d) {
                    return d.isEmpty() || d.peekLast().isBefore(now.minusSeconds(60));
                }
            });
        }
        Deque<Instant> recent = attemptsByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minusSeconds(60))) recent.pollFirst();
            if (recent.size() >= attemptsPerMinute) return Verdict.TOO_FAST;
            recent.addLast(now);
        }
        Failures f = failuresByUser.get(user);
        if (f != null) {
            synchronized (f) {
                if (now.isBefore(f.lockedUntil)) return Verdict.LOCKED;
            }
        }
        return Verdict.TRY;
    }

    /** @return true if this failure locked the account */
    public boolean failed(String user) {
        Failures f = failuresByUser.computeIfAbsent(user, u -> new Failures());
        synchronized (f) {
            f.inARow++;
            if (f.inARow >= lockoutFailures) {
                f.inARow = 0;
                f.lockedUntil = clock.instant().plus(lockout);
                return true;
            }
            return false;
        }
    }

    public void succeeded(String user) {
        failuresByUser.remove(user);
    }

    /** Seconds until the address may try again (for Retry-After). */
    public long retryAfterSeconds(String address) {
        Deque<Instant> recent = attemptsByAddress.get(address);
        if (recent == null) return 1;
        synchronized (recent) {
            Instant first = recent.peekFirst();
            return first == null ? 1 : Math.max(1, Duration.between(clock.instant(), first.plusSeconds(60)).toSeconds() + 1);
        }
    }
}
