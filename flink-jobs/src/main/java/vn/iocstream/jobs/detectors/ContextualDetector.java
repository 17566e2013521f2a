package vn.iocstream.jobs.detectors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Contextual anomaly detection after Mikhail Smirnov's CAD OSE (NAB's {@code contextOSE}, 69.9 on the full
 * corpus), reimplemented from its published description.
 *
 * <p>Each value becomes a few <i>facts</i>: its bin among 2<sup>{@value #BITS}</sup> equal bins of the
 * range, written in binary, one fact per (bit position, bit value); values beyond the range simply have
 * more bits. A <i>context</i> joins a left semi-context (the facts of the previous step: its value facts
 * plus one fact per context that was active then, the "neurons") to a right semi-context (the facts of
 * the present value). At each step:
 * <ol>
 *   <li>the previous step's facts and the present value form a zero-level context; if it is new, it is
 *       stored and the step may learn;</li>
 *   <li>a context is <i>selected</i> when its left side was wholly present at the previous step (so it
 *       predicted its right side), and <i>active</i> when its right side is wholly present now; the active
 *       ones count an activation and the {@value #MAX_ACTIVE} most activated become neuron facts;</li>
 *   <li>when the zero-level context was new, partial matches of zero-level contexts yield new, more
 *       general contexts (the crossed facts of each side; left sides of at most {@value #MAX_LEFT_CROSSED} facts);</li>
 *   <li>the raw score is (1 − active/selected + new/candidates) / 2: unpredicted and novel is 1;</li>
 *   <li>a score is reported only when no raw score of the last {@link #rest} steps reached
 *       {@value #BASE_THRESHOLD}, otherwise 0: one incident, one alarm.</li>
 * </ol>
 *
 * <p><b>Range.</b> CAD OSE in NAB receives each file's minimum and maximum. This detector has no file-level
 * knowledge: it buffers its first {@link #warmUp} points (scoring them 0), takes their minimum and maximum,
 * widened by {@value #PADDING} times their spread on each side (a file's range includes its anomalies, so the
 * usual values fill only a few of its bins), as the range, then replays them into the model and goes on online. NAB never scores the first 15% of a file
 * (its probation, at least 186 points on every NAB file) so the warm-up costs nothing there; in production
 * it is the first {@value #WARM_UP} points of a key.
 *
 * <p>State grows with the contexts learned (not bounded: from 16 to 63,000 contexts on the NAB series, most on
 * pure noise) and so does the cost of a point: about 14,000 points/s on a daily-cycle series, far from the
 * 1,000,000 of {@link SeasonalLikelihoodDetector}, so this is an opt-in detector, not the default.
 */
public final class ContextualDetector implements AnomalyDetector {
    private static final long serialVersionUID = 1L;
    static final int WARM_UP = 150;
    /** NAB's probation (up to 750 points) over 5, as CAD OSE in NAB. */
    static final int REST = 150;
    /** The warm-up range widened by this many times itself on each side: later values usually spread wider. */
    static final double PADDING = 2;
    static final int BITS = 3;
    static final int MAX_ACTIVE = 15;
    static final int MAX_LEFT_CROSSED = 7;
    static final double BASE_THRESHOLD = 0.75;
    /** The fact of a value below the range; value facts are 2 × bit + value, under it. */
    private static final int BELOW = 126;
    /** Neuron facts are this plus the context id. */
    private static final int NEURON = 128;

    private final int warmUp;
    private final double padding;
    private final int rest;
    private double[] buffer;
    private double min;
    private double step;
    private long steps;
    private long lastHigh;
    private int[] leftFacts = new int[0];
    private final SemiContexts left = new SemiContexts();
    private final SemiContexts right = new SemiContexts();
    /** Per left semi-context: pairs (right semi-context, context). */
    private final List<IntList> contextsOfLeft = new ArrayList<>();
    private final HashMap<Long, Integer> contextByPair = new HashMap<>();
    private final IntList activations = new IntList();
    private final IntList zeroLevel = new IntList();

    public ContextualDetector() {
        this(WARM_UP, PADDING, REST);
    }

    ContextualDetector(int warmUp, double padding, int rest) {
        if (warmUp < 1 || rest < 0 || padding < 0) throw new IllegalArgumentException("warmUp >= 1, padding >= 0 and rest >= 0 required");
        this.warmUp = warmUp;
        this.padding = padding;
        this.rest = rest;
        this.buffer = new double[warmUp];
    }

    /** A detector for a series whose range is known beforehand (a percentage, an occupancy): no warm-up. */
    public ContextualDetector(double min, double max, int rest) {
        if (!(max >= min) || rest < 0) throw new IllegalArgumentException("min <= max and rest >= 0 required");
        this.warmUp = 0;
        this.padding = 0;
        this.rest = rest;
        this.min = min;
        this.step = max > min ? (max - min) / ((1 << BITS) - 1) : 1;
    }

    @Override
    public double score(long epochMillis, double value) {
        if (buffer != null) {
            buffer[(int) steps++] = value;
            if (steps < warmUp) return 0;
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : buffer) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double pad = (hi - lo) * padding;
            min = lo - pad;
            step = hi > lo ? (hi - lo + 2 * pad) / ((1 << BITS) - 1) : 1;
            double[] replay = buffer;
            buffer = null;
            steps = 0;
            double last = 0;
            for (double v : replay) last = reported(raw(facts(v)));
            return last;
        }
        return reported(raw(facts(value)));
    }

    private double reported(double raw) {
        steps++;
        double out = steps - lastHigh > rest ? raw : 0; // the first steps rest too, as after an alarm
        if (raw >= BASE_THRESHOLD) lastHigh = steps;
        return out;
    }

    int[] facts(double value) {
        double bin = Math.floor((value - min) / step);
        boolean below = bin < 0;
        long n = (long) Math.min(Math.abs(bin), 1L << 40);
        int bits = Math.max(BITS, 64 - Long.numberOfLeadingZeros(n));
        int[] facts = new int[bits + (below ? 1 : 0)];
        for (int b = 0; b < bits; b++) facts[b] = 2 * b + (int) ((n >>> b) & 1);
        if (below) facts[bits] = BELOW;
        return facts;
    }

    private double raw(int[] now) {
        boolean learning = false;
        int newContext = -1;
        Set<Pair> candidates = new LinkedHashSet<>();
        if (leftFacts.length > 0) {
            int before = activations.size;
            newContext = context(leftFacts, now, true);
            learning = newContext == before;
            if (!learning) newContext = -1;
            candidates.add(new Pair(leftFacts, now));
        }
        right.cross(now);
        int selected = 0;
        IntList active = new IntList();
        List<Pair> potential = new ArrayList<>();
        for (int t = 0; t < left.touched.size; t++) {
            int l = left.touched.get(t);
            boolean leftWhole = left.whole(l);
            if (!leftWhole && !learning) continue;
            int leftCrossed = left.crossed[l];
            IntList pairs = contextsOfLeft.get(l);
            for (int p = 0; p < pairs.size; p += 2) {
                int r = pairs.get(p), c = pairs.get(p + 1);
                if (c == newContext) continue;
                int rightCrossed = right.crossed[r];
                if (leftWhole) {
                    selected++;
                    if (rightCrossed == 0) continue;
                    if (right.whole(r)) {
                        activations.set(c, activations.get(c) + 1);
                        active.add(c);
                        continue;
                    }
                }
                if (learning && rightCrossed > 0 && zeroLevel.get(c) == 1 && leftCrossed <= MAX_LEFT_CROSSED) {
                    potential.add(new Pair(left.crossedFacts(l, leftFacts), right.crossedFacts(r, now)));
                }
            }
        }
        double activeShare = selected > 0 ? (double) active.size / selected : 0;
        leftFacts = withNeurons(now, active);
        candidates.addAll(potential);
        int added = learning ? 1 : 0;
        for (Pair p : potential) {
            int before = activations.size;
            if (context(p.left, p.right, false) == before) added++;
        }
        double addedShare = candidates.isEmpty() ? 0 : (double) added / candidates.size();
        left.cross(leftFacts);
        return (1 - activeShare + addedShare) / 2;
    }

    /** The value facts and a neuron fact for each of the most activated active contexts (older first on ties). */
    private int[] withNeurons(int[] now, IntList active) {
        int[] ids = Arrays.copyOf(active.values, active.size);
        int n = Math.min(MAX_ACTIVE, ids.length);
        if (ids.length > MAX_ACTIVE) {
            long[] keyed = new long[ids.length];
            for (int i = 0; i < ids.length; i++) keyed[i] = ((long) activations.get(ids[i]) << 32) | (0xFFFFFFFFL - ids[i]);
            Arrays.sort(keyed);
            for (int i = 0; i < n; i++) ids[i] = (int) (0xFFFFFFFFL - (keyed[keyed.length - 1 - i] & 0xFFFFFFFFL));
        }
        int[] facts = Arrays.copyOf(now, now.length + n);
        for (int i = 0; i < n; i++) facts[now.length + i] = NEURON + ids[i];
        Arrays.sort(facts);
        return facts;
    }

    /** The id of the context (left, right), stored if new; a zero-level one marks an existing context so. */
    private int context(int[] leftSide, int[] rightSide, boolean zero) {
        int l = left.id(leftSide), r = right.id(rightSide);
        if (l == contextsOfLeft.size()) contextsOfLeft.add(new IntList());
        long key = ((long) l << 32) | r;
        Integer c = contextByPair.get(key);
        if (c != null) {
            if (zero) zeroLevel.set(c, 1);
            return c;
        }
        int id = activations.size;
        contextByPair.put(key, id);
        contextsOfLeft.get(l).add(r);
        contextsOfLeft.get(l).add(id);
        activations.add(0);
        zeroLevel.add(zero ? 1 : 0);
        return id;
    }

    /** Number of contexts learned: the size of the state. */
    int contexts() {
        return activations.size;
    }

    /** One side's semi-contexts: fact sets, an index from a fact to the sets holding it, and the last crossing. */
    private static final class SemiContexts implements Serializable {
        private static final long serialVersionUID = 1L;
        private final HashMap<Facts, Integer> ids = new HashMap<>();
        private final List<int[]> facts = new ArrayList<>();
        private final HashMap<Integer, IntList> holding = new HashMap<>();
        /** How many facts of the last crossing each set holds; valid for the sets in {@link #touched}, else 0. */
        int[] crossed = new int[64];
        final IntList touched = new IntList();

        int id(int[] set) {
            Facts key = new Facts(set);
            Integer id = ids.get(key);
            if (id != null) return id;
            int next = facts.size();
            ids.put(key, next);
            facts.add(set);
            for (int f : set) holding.computeIfAbsent(f, k -> new IntList()).add(next);
            return next;
        }

        void cross(int[] present) {
            for (int i = 0; i < touched.size; i++) crossed[touched.get(i)] = 0;
            touched.size = 0;
            if (crossed.length < facts.size()) crossed = Arrays.copyOf(crossed, 2 * facts.size());
            for (int f : present) {
                IntList sets = holding.get(f);
                if (sets == null) continue;
                for (int i = 0; i < sets.size; i++) {
                    int s = sets.values[i];
                    if (crossed[s]++ == 0) touched.add(s);
                }
            }
        }

        boolean whole(int id) {
            return crossed[id] == facts.get(id).length;
        }

        /** The facts of set {@code id} that were in the crossing (both sorted). */
        int[] crossedFacts(int id, int[] present) {
            int[] set = facts.get(id);
            int[] out = new int[crossed[id]];
            int n = 0;
            for (int f : set) if (Arrays.binarySearch(present, f) >= 0) out[n++] = f;
            return out;
        }
    }

    /** A sorted fact set as a map key. */
    private record Facts(int[] values) implements Serializable {
        @Override
        public boolean equals(Object o) {
            return o instanceof Facts f && Arrays.equals(values, f.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    private record Pair(int[] left, int[] right) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && Arrays.equals(left, p.left) && Arrays.equals(right, p.right);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(left) + Arrays.hashCode(right);
        }
    }

    /** A growable int array. */
    private static final class IntList implements Serializable {
        private static final long serialVersionUID = 1L;
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, 2 * size);
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        void set(int i, int v) {
            values[i] = v;
        }
    }
}
