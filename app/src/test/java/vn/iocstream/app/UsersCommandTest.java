package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.access.AccountStore;
import vn.iocstream.app.access.Passwords;

/** {@code ioc users}: add, list, disable, passwd on the accounts file; bad input is one line and the usage. */
class UsersCommandTest extends ConsoleTest {
    @TempDir Path dir;

    private int users(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] all = new String[args.length + 3];
            all[0] = "users";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "--set";
            all[args.length + 2] = "controlRoom.usersFile=" + dir.resolve("users.json");
            return Main.run(all);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void addListDisablePasswd() {
        assertThat(users("mat-khau-truc-ban-1\n", "add", "trucban.tamhiep", "--role", "operator", "--scope", "phường Tam Hiệp, Bình Phước",
                "--password-stdin")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("user trucban.tamhiep added: role=operator scope=phường Tam Hiệp, tỉnh Đồng Nai");
        assertThat(users("", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("trucban.tamhiep +operator +active +phường Tam Hiệp, tỉnh Đồng Nai");
        assertThat(users("", "disable", "trucban.tamhiep")).isZero();
        assertThat(users("mat-khau-moi-hon-nua\n", "passwd", "trucban.tamhiep", "--password-stdin")).isZero();
        var account = new AccountStore(dir.resolve("users.json"), Clock.systemUTC()).find("trucban.tamhiep").orElseThrow();
        assertThat(account.disabled()).isTrue();
        assertThat(Passwords.verify("mat-khau-moi-hon-nua", account.passwordHash())).isTrue();
    }

    @Test
    void badRoleScopeOrPassword_isOneLineAndTheUsage_exit2() {
        assertThat(users("mat-khau-truc-ban-1\n", "add", "x1", "--role", "sep", "--scope", "tỉnh Đồng Nai", "--password-stdin")).isEqualTo(2);
        assertThat(users("mat-khau-truc-ban-1\n", "add", "x1", "--role", "leader", "--scope", "tỉnh Atlantis", "--password-stdin")).isEqualTo(2);
        assertThat(users("ngan\n", "add", "x1", "--role", "leader", "--scope", "tỉnh Đồng Nai", "--password-stdin")).isEqualTo(2);
        assertThat(users("", "disable", "khong-ai")).isEqualTo(2);
        assertThat(users("", "add")).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ioc: unknown role 'sep'", "ioc: unknown province 'tỉnh Atlantis'", "ioc: password too short",
                "ioc: no user 'khong-ai'", "usage: ioc users add").doesNotContain("Exception", "\tat ");
    }
}
