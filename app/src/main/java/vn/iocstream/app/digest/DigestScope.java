package vn.iocstream.app.digest;

import java.util.regex.Pattern;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.alerts.store.AlertQueries;
import vn.iocstream.app.access.Places;
import vn.iocstream.app.access.Scope;
import vn.iocstream.app.access.ScopeSql;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.model.Locality;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Whose digest, as one SQL condition per kind of row, applied inside every query of the digest: the control room's
 * scope rules ({@link ScopeSql} for posts and citizen reports, the alerts service's condition for alerts), so a
 * digest shows what the same scope sees on the screens.
 *
 * @param label   the scope in words, shown in the digest ("tỉnh Đồng Nai", "phường Tam Hiệp, tỉnh Đồng Nai", "Toàn bộ địa bàn")
 * @param posts   condition over {@code posts}
 * @param alerts  condition over {@code alerts}
 * @param reports condition over {@code citizen_reports}
 */
public record DigestScope(String label, String posts, String alerts, String reports) {
    /** Written forms of a commune's prefix, dropped before place names are compared (as the alerts service does). */
    static final String PREFIX_REGEX = "^(phường|xã|thị trấn|đặc khu|p\\\\.|x\\\\.|tt\\\\.|p|x|tt)\\\\s+";
    private static final Pattern SLUG_DROP = Pattern.compile("[^a-z0-9]+");

    public static final DigestScope ALL = new DigestScope("Toàn bộ địa bàn", "1", "1", "1");

    /** A user's or a schedule's scope; traffic and security rows are not in a digest, so no places are needed. */
    public static DigestScope of(Scope scope) {
        if (scope.all()) return ALL;
        ScopeSql sql = new ScopeSql(scope, Places.NONE);
        AlertScope alerts = AlertScope.of(scope.provinces(),
                scope.communes().stream().map(c -> new Locality(c.province(), c.kind() + " " + c.name())).toList());
        return new DigestScope(scope.toString(), sql.posts(), AlertQueries.scopeCondition(alerts), sql.reports());
    }

    /**
     * The written form of the control room's scopes: "*" or "all" for everything, "Đồng Nai" or "tỉnh Đồng Nai" (former
     * names such as "Bình Phước" mean the current unit), "phường Tam Hiệp, tỉnh Đồng Nai"; several joined by ";".
     *
     * @throws IllegalArgumentException naming the item at fault
     */
    public static DigestScope parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("*")) return ALL;
        return of(Scope.parse(text, Gazetteer.load()));
    }

    /** "tỉnh Đồng Nai" → "tinh-dong-nai": file names. */
    static String slug(String text) {
        return SLUG_DROP.matcher(TextNormalizer.fold(text)).replaceAll("-").replaceAll("^-|-$", "");
    }
}
