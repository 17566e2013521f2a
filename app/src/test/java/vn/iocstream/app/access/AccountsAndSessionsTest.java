package vn.iocstream.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsAndSessionsTest {
    @TempDir Path dir;
    private Instant now = Instant.parse("2026-11-20T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void passwordsAreArgon2idWithASalt_andOnlyTheRightOneVerifies() {
        String a = Passwords.hash("mat-khau-dai-du-muoi"), b = Passwords.hash("mat-khau-dai-du-muoi");
        assertThat(a).startsWith("$argon2id$").isNotEqualTo(b);
        assertThat(Passwords.verify("mat-khau-dai-du-muoi", a)).isTrue();
        assertThat(Passwords.verify("mat-khau-dai-du-muoI", a)).isFalse();
        assertThat(Passwords.verify("x", "not a hash")).isFalse();
        assertThat(Passwords.weakness("ngan")).contains("too short");
    }

    @Test
    void theAccountsFile_isPrivate_rereadWhenChanged_andRefusesDuplicatesAndBadInput() throws Exception {
        Path file = dir.resolve("users.json");
        AccountStore store = new AccountStore(file, clock);
        assertThat(store.hasAdmin()).isFalse();
        store.add("quantri", Role.ADMIN, "all", "mat-khau-quan-tri");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("mat-khau-quan-tri").contains("$argon2id$");
        AccountStore other = new AccountStore(file, clock); // another process: the CLI while the server runs
        assertThat(other.hasAdmin()).isTrue();
        other.add("trucban", Role.OPERATOR, "phuong Tam Hiep, Dong Nai", "mat-khau-truc-ban");
        assertThat(store.find("trucban").orElseThrow().scope()).isEqualTo("phường Tam Hiep, tỉnh Đồng Nai");
        assertThatThrownBy(() -> store.add("trucban", Role.OPERATOR, "tỉnh Đồng Nai", "mat-khau-truc-ban")).hasMessageContaining("exists");
        assertThatThrownBy(() -> store.add("Bad Name", Role.OPERATOR, "tỉnh Đồng Nai", "mat-khau-truc-ban")).hasMessageContaining("invalid user name");
        assertThatThrownBy(() -> store.add("x1", Role.OPERATOR, "tỉnh Đồng Nai", "ngan")).hasMessageContaining("too short");
        assertThatThrownBy(() -> Role.parse("boss")).hasMessageContaining("unknown role");
    }

    @Test
    void aSessionEndsWhenIdleTooLong_atItsMaximumAge_andWhenItsAccountIsDisabledOrItsPasswordChanged() {
        AccountStore store = new AccountStore(dir.resolve("users.json"), clock);
        Account a = store.add("trucban", Role.OPERATOR, "tỉnh Đồng Nai", "mat-khau-truc-ban");
        Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(2));
        Sessions.Session s = sessions.open(a, store.scopeOf(a));
        assertThat(s.csrf()).isNotEqualTo(s.id()).hasSizeGreaterThanOrEqualTo(43);
        now = now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id(), store)).isPresent();
        now = now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id(), store)).as("each request restarts the idle time").isPresent();
        now = now.plus(Duration.ofMinutes(31));
        assertThat(sessions.find(s.id(), store)).as("idle").isEmpty();

        Sessions.Session s2 = sessions.open(store.find("trucban").orElseThrow(), store.scopeOf(a));
        for (int i = 0; i < 5; i++) {
            now = now.plus(Duration.ofMinutes(25));
            sessions.find(s2.id(), store);
        }
        assertThat(sessions.find(s2.id(), store)).as("over the maximum age").isEmpty();

        Sessions.Session s3 = sessions.open(store.find("trucban").orElseThrow(), store.scopeOf(a));
        now = now.plusSeconds(1);
        store.setPassword("trucban", "mat-khau-moi-hon-nua");
        assertThat(sessions.find(s3.id(), store)).as("password changed").isEmpty();
        Sessions.Session s4 = sessions.open(store.find("trucban").orElseThrow(), store.scopeOf(a));
        now = now.plusSeconds(1);
        store.setDisabled("trucban", true);
        assertThat(sessions.find(s4.id(), store)).as("disabled").isEmpty();
        assertThat(Sessions.sameToken(s4.csrf(), s4.csrf())).isTrue();
        assertThat(Sessions.sameToken(s4.csrf(), null)).isFalse();
    }
}
