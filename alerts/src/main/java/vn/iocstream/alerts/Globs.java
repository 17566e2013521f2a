package vn.iocstream.alerts;

/** {@code *} as "any run of characters", everything else literal; no regular expressions from configuration. */
final class Globs {
    private Globs() {}

    static boolean matches(String glob, String value) {
        return matches(glob, 0, value, 0);
    }

    private static boolean matches(String g, int gi, String v, int vi) {
        // Iterative with one backtrack point: linear-ish, and no stack growth on long values.
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (gi < g.length() && g.charAt(gi) == '*') {
                star = gi++;
                mark = vi;
            } else if (gi < g.length() && g.charAt(gi) == v.charAt(vi)) {
                gi++;
                vi++;
            } else if (star >= 0) {
                gi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (gi < g.length() && g.charAt(gi) == '*') gi++;
        return gi == g.length();
    }
}
