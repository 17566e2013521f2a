package vn.iocstream.app.access;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.json.Json;

/**
 * The accounts, in one JSON file (mode 600). A file rather than a ClickHouse table because the accounts must
 * be created before the first start ({@code ioc users add} with no server running), changed while the
 * runtime runs (a second ClickHouse on the same data folder is not possible), and written atomically (a
 * temporary file renamed over the old one; ClickHouse 18.16 has no transactions, so two concurrent adds of
 * one name could both succeed). The running control room re-reads the file when it changes, so
 * {@code ioc users disable} takes effect at once. Thread-safe.
 */
public final class AccountStore {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final TypeReference<List<Account>> LIST = new TypeReference<>() {};

    private final Path file;
    private final Clock clock;
    private final Gazetteer gazetteer = Gazetteer.load();
    private Map<String, Account> accounts = new LinkedHashMap<>();
    private long loadedStamp = Long.MIN_VALUE;

    public AccountStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Checks a name: 2–32 of a–z, 0–9, dot, dash, underscore, starting with a letter or digit. */
    public static String validName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid user name '" + name + "': 2-32 characters of a-z, 0-9, '.', '_', '-'");
        }
        return name;
    }

    public synchronized Optional<Account> find(String name) {
        refresh();
        return Optional.ofNullable(accounts.get(name));
    }

    public synchronized List<Account> all() {
        refresh();
        return new ArrayList<>(accounts.values());
    }

    /** True if an enabled admin exists: without one the control room refuses to serve. */
    public synchronized boolean hasAdmin() {
        refresh();
        return accounts.values().stream().anyMatch(a -> !a.disabled() && a.roleValue() == Role.ADMIN);
    }

    /** The scope of an account, parsed. */
    public Scope scopeOf(Account account) {
        return Scope.parse(account.scope(), gazetteer);
    }

    /** Adds a user; the scope is checked and stored in its canonical written form. */
    public synchronized Account add(String name, Role role, String scope, String password) {
        refresh();
        validName(name);
        if (accounts.containsKey(name)) throw new IllegalArgumentException("user '" + name + "' exists already");
        String weak = Passwords.weakness(password);
        if (weak != null) throw new IllegalArgumentException(weak);
        String canonical = Scope.parse(scope, gazetteer).toString();
        Account a = new Account(name, role.id(), canonical, Passwords.hash(password), false, clock.instant(), clock.instant());
        accounts.put(name, a);
        save();
        return a;
    }

    public synchronized Account setPassword(String name, String password) {
        String weak = Passwords.weakness(password);
        if (weak != null) throw new IllegalArgumentException(weak);
        Account a = existing(name);
        return replace(new Account(a.name(), a.role(), a.scope(), Passwords.hash(password), a.disabled(), a.created(), clock.instant()));
    }

    public synchronized Account setDisabled(String name, boolean disabled) {
        Account a = existing(name);
        return replace(new Account(a.name(), a.role(), a.scope(), a.passwordHash(), disabled, a.created(), clock.instant()));
    }

    private Account existing(String name) {
        refresh();
        Account a = accounts.get(name);
        if (a == null) throw new IllegalArgumentException("no user '" + name + "'");
        return a;
    }

    private Account replace(Account a) {
        accounts.put(a.name(), a);
        save();
        return a;
    }

    /** Re-reads the file when its modification time or size changed. */
    private void refresh() {
        try {
            if (!Files.exists(file)) {
                accounts = new LinkedHashMap<>();
                loadedStamp = Long.MIN_VALUE;
                return;
            }
            long stamp = Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
            if (stamp == loadedStamp) return;
            Map<String, Account> read = new LinkedHashMap<>();
            for (Account a : Json.MAPPER.readValue(file.toFile(), LIST)) read.put(a.name(), a);
            accounts = read;
            loadedStamp = stamp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accounts file " + file + ": " + e.getMessage(), e);
        }
    }

    private void save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".users", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's permissions protect the file
            }
            Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ArrayList<>(accounts.values())));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            loadedStamp = Long.MIN_VALUE; // read back on next use, with the new stamp
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the accounts file " + file + ": " + e.getMessage(), e);
        }
    }
}
