package vn.iocstream.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A citizen report after analysis, in ClickHouse {@code citizen_reports}.
 *
 * @param topic           what the report is about: its category, or key words of the text when the category is
 *                        missing or "khác" (e.g. {@code un-tac}, {@code ngap-nuoc})
 * @param communeKey      where, for clustering: folded commune name and current province, or a ~1 km grid cell
 *                        for reports that only carry coordinates
 * @param commune         commune/ward as written
 * @param province        current (post-1 July 2025) provincial unit, or ""
 * @param provinceWritten province as the citizen wrote it (an old name stays old here)
 * @param keywords        multi-syllable words of the text, first occurrences, at most a handful
 * @param clusterId       id of the cluster the report belongs to, or "" while it belongs to none
 */
public record AnalysedReport(String id, Instant time, String channel, String category, String topic, String text,
                             String communeKey, String commune, String province, String provinceWritten,
                             Double lat, Double lon, List<String> places, List<String> keywords,
                             String sentiment, double score, String clusterId) {
    public AnalysedReport inCluster(String cluster) {
        return new AnalysedReport(id, time, channel, category, topic, text, communeKey, commune, province,
                provinceWritten, lat, lon, places, keywords, sentiment, score, cluster);
    }

    /** Commune key and topic: reports sharing it may form a cluster. */
    public String clusterKey() {
        return communeKey + "|" + topic;
    }
}
