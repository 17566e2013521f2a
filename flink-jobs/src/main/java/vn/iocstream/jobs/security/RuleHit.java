package vn.iocstream.jobs.security;

/**
 * An event that counts towards a threshold rule for one key, e.g. a failed SSH login towards
 * {@code ssh-brute-force} for its source address.
 *
 * @param distinct for distinct-count rules (scans): the value counted once (a port, a host); else null
 * @param weight   occurrences the event stands for
 * @param severity the severity the rule raises (IDS alerts carry their own)
 */
public record RuleHit(String rule, String key, String distinct, long timeMs, String eventId, int weight,
                      String severity) {
    /** Key of the keyed state: one incident tracker per rule and key. */
    public String stateKey() {
        return rule + '\u001f' + key;
    }
}
