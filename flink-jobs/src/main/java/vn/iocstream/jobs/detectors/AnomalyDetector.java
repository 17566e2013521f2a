package vn.iocstream.jobs.detectors;

import java.io.Serializable;

/**
 * An online anomaly detector for one time series (posts per watchlist, requests per host, reports per
 * commune, a road segment's speed). Pure Java: one instance per key, kept in Flink keyed state, so the
 * state must stay small. Online: a point's score uses only that point and the points before it.
 */
public interface AnomalyDetector extends Serializable {
    /**
     * Takes the next point of the series, in time order, and returns its anomaly score in [0, 1]
     * (1 = certainly anomalous).
     */
    double score(long epochMillis, double value);
}
