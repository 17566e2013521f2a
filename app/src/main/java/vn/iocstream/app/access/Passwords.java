package vn.iocstream.app.access;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with argon2id (password4j): 19 MiB, 2 passes, one lane — OWASP's minimum for argon2id —
 * with a 16-byte random salt, stored in the PHC string form that carries its own parameters, so stronger
 * settings later still verify old hashes.
 */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 19);
    /** Checked against when the user does not exist, so that a wrong name costs as long as a wrong password. */
    private static final String DUMMY = hash("không phải mật khẩu của ai");
    public static final int MIN_LENGTH = 10;

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean verify(String password, String hash) {
        if (password == null) return false;
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false; // a malformed stored hash matches nothing
        }
    }

    /** Spends the time of one verification, for unknown users. */
    public static void burn(String password) {
        verify(password == null ? "" : password, DUMMY);
    }

    /** Null if acceptable, else the reason in Vietnamese and English. */
    public static String weakness(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "password too short: at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > 1024) return "password too long: at most 1024 characters";
        return null;
    }
}
