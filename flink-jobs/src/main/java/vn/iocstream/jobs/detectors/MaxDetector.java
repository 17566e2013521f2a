package vn.iocstream.jobs.detectors;

/**
 * Two detectors over the same series; a point's score is the higher of theirs, so either one's alarm
 * raises it (e.g. a likelihood detector for level and spread changes, a contextual one for broken patterns).
 */
public record MaxDetector(AnomalyDetector first, AnomalyDetector second) implements AnomalyDetector {
    @Override
    public double score(long epochMillis, double value) {
        return Math.max(first.score(epochMillis, value), second.score(epochMillis, value));
    }
}
