package vn.iocstream.app.access;

import java.time.Instant;

/**
 * A control-room user. {@code scope} is kept in its written form ({@link Scope#toString()}) and parsed when
 * the file is read, so the file stays readable and editable by an administrator.
 *
 * @param passwordHash argon2id PHC string ({@link Passwords})
 */
public record Account(String name, String role, String scope, String passwordHash, boolean disabled,
                      Instant created, Instant updated) {
    public Role roleValue() {
        return Role.parse(role);
    }
}
