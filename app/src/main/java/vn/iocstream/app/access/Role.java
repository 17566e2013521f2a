package vn.iocstream.app.access;

import java.util.List;
import java.util.Locale;

/**
 * What a user does in the control room. The role decides which screens and actions exist; the user's
 * {@link Scope} decides which rows they show.
 */
public enum Role {
    LEADER("lãnh đạo", List.of(Screen.LEADERS, Screen.ALERTS, Screen.MEDIA, Screen.SEARCH), false),
    MEDIA("giám sát báo chí", List.of(Screen.MEDIA, Screen.SEARCH, Screen.ALERTS), false),
    SECURITY("an toàn thông tin", List.of(Screen.ALERTS, Screen.SECURITY), true),
    OPERATOR("trực điều hành", List.of(Screen.ALERTS, Screen.TRAFFIC, Screen.MEDIA, Screen.SEARCH, Screen.LEADERS), true),
    ADMIN("quản trị", List.of(Screen.values()), true);

    /** The control room's screens, by the name the page and the API use. */
    public enum Screen {
        ALERTS, MEDIA, LEADERS, SECURITY, TRAFFIC, SEARCH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String label;
    private final List<Screen> screens;
    private final boolean handlesAlerts;

    Role(String label, List<Screen> screens, boolean handlesAlerts) {
        this.label = label;
        this.screens = screens;
        this.handlesAlerts = handlesAlerts;
    }

    /** Vietnamese name shown on the page. */
    public String label() {
        return label;
    }

    /** The screens this role has, the first being its home. */
    public List<Screen> screens() {
        return screens;
    }

    public boolean sees(Screen screen) {
        return screens.contains(screen);
    }

    /** Acknowledge, resolve, assign, comment and silence: duty officers, security staff and admins. */
    public boolean handlesAlerts() {
        return handlesAlerts;
    }

    /** The role named {@code name} (case-insensitive), or an error listing the roles. */
    public static Role parse(String name) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name == null ? "" : name.strip())) return r;
        }
        throw new IllegalArgumentException("unknown role '" + name + "': expected leader, media, security, operator or admin");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
