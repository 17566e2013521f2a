package vn.iocstream.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import vn.iocstream.app.access.Account;
import vn.iocstream.app.access.AccountStore;
import vn.iocstream.app.access.Role;
import vn.iocstream.core.config.ConfigLoader;

/** {@code ioc users …}: the control room's accounts, in the file {@code controlRoom.usersFile}. */
public final class UsersCommand {
    static final String USAGE = """
            usage: ioc users add NAME --role ROLE --scope SCOPE [--password-stdin]
                   ioc users list
                   ioc users disable NAME | enable NAME
                   ioc users passwd NAME [--password-stdin]
              (each also takes --config FILE and --set key=value, to find controlRoom.usersFile)

            ROLE:  leader, media, security, operator or admin
            SCOPE: 'all', provinces or communes separated by ';', e.g. 'tỉnh Đồng Nai',
                   'phường Tam Hiệp, tỉnh Đồng Nai; xã Trảng Bom, tỉnh Đồng Nai' (old province names are resolved)
            The password (10 characters or more) is asked twice on the terminal, or read from the first line of
            standard input with --password-stdin. A running control room sees changes at once; disabling a user
            or changing a password ends their sessions.""";

    private final InputStream stdin;
    private final PrintStream out;

    public UsersCommand() {
        this(System.in, System.out);
    }

    UsersCommand(InputStream stdin, PrintStream out) {
        this.stdin = stdin;
        this.out = out;
    }

    public int run(List<String> args) throws IOException {
        Integer help = Options.helpFor(args, USAGE);
        if (help != null) return help;
        String sub = args.get(0);
        boolean named = !sub.equals("list");
        if (!List.of("add", "list", "disable", "enable", "passwd").contains(sub)) throw new UsageException("unknown users command: " + sub, USAGE);
        if (named && (args.size() < 2 || args.get(1).startsWith("--"))) throw new UsageException("users " + sub + " needs a user NAME", USAGE);
        String name = named ? args.get(1) : null;
        Options o = Options.parse(args.subList(named ? 2 : 1, args.size()), List.of("role", "scope", "config", "set"), List.of("password-stdin"), USAGE);
        Path config = o.has("config") ? Path.of(o.get("config", null))
                : Files.isRegularFile(Path.of("config/ioc.yaml")) ? Path.of("config/ioc.yaml") : null;
        AccountStore store = new AccountStore(Path.of(ConfigLoader.load(config, o.all("set")).controlRoom().usersFile()), Clock.systemUTC());
        try {
            switch (sub) {
                case "add" -> {
                    if (!o.has("role") || !o.has("scope")) throw new UsageException("users add needs --role and --scope", USAGE);
                    Role role = Role.parse(o.get("role", null));
                    Account a = store.add(name, role, o.get("scope", null), password(o.has("password-stdin")));
                    out.println("user " + a.name() + " added: role=" + a.role() + " scope=" + a.scope() + " (" + store.file() + ")");
                }
                case "list" -> {
                    out.printf("%-20s %-9s %-9s %s%n", "NAME", "ROLE", "STATE", "SCOPE");
                    for (Account a : store.all()) {
                        out.printf("%-20s %-9s %-9s %s%n", a.name(), a.role(), a.disabled() ? "disabled" : "active", a.scope());
                    }
                }
                case "disable", "enable" -> {
                    store.setDisabled(name, sub.equals("disable"));
                    out.println("user " + name + " " + sub + "d");
                }
                default -> {
                    store.setPassword(name, password(o.has("password-stdin")));
                    out.println("password of " + name + " changed; their sessions end");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), USAGE);
        }
        return 0;
    }

    private String password(boolean fromStdin) throws IOException {
        if (fromStdin) {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null) throw new IllegalArgumentException("no password on standard input");
            return line;
        }
        Console console = System.console();
        if (console == null) throw new IllegalArgumentException("no terminal to ask the password on: use --password-stdin");
        char[] first = console.readPassword("password: ");
        char[] again = console.readPassword("again: ");
        if (first == null || !Arrays.equals(first, again)) throw new IllegalArgumentException("the two passwords differ");
        return new String(first);
    }
}
