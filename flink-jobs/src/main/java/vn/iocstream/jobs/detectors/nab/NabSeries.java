package vn.iocstream.jobs.detectors.nab;

/**
 * One NAB data file: its rows in time order and its labelled anomaly windows as inclusive row-index
 * pairs {@code windows[k] = {first, last}}.
 *
 * @param name {@code <category>/<file>.csv}, the key used by {@code combined_windows.json}
 */
public record NabSeries(String name, long[] epochMillis, double[] values, int[][] windows) {
    public String category() {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    public int size() {
        return values.length;
    }

    /** NAB's probationary period: the first 15% of the rows, at most 750, are not scored. */
    public int probationLength() {
        return probationLength(values.length);
    }

    static int probationLength(int rows) {
        return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
    }

    /** Windows with at least one row after probation: the only ones that count, missed or not. */
    public int countedWindows() {
        int probation = probationLength(), n = 0;
        for (int[] w : windows) if (w[1] >= probation) n++;
        return n;
    }
}
