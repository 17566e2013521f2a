package vn.iocstream.jobs.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * State of {@link CongestionRule} for one road segment: a Flink POJO of fixed small size (24 hourly
 * baselines plus the current run), so it fits keyed state whatever the segment's history.
 */
public class CongestionState {
    /** Usual speed per hour of day (Vietnam time), km/h. */
    public double[] usualKmh = new double[24];
    /** Buckets learnt per hour of day. */
    public int[] history = new int[24];
    /** Inside a confirmed congestion episode. */
    public boolean congested;
    /** Consecutive slow buckets before confirmation, or consecutive normal buckets inside an episode. */
    public int run;
    /** Starts (epoch ms) and speeds of the slow buckets of the current onset, oldest first. */
    public List<Long> slowStarts = new ArrayList<>();
    public List<Double> slowSpeeds = new ArrayList<>();

    public CongestionState() {}
}
