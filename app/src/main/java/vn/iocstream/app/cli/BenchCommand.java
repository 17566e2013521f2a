package vn.iocstream.app.cli;

import java.util.List;
import vn.iocstream.nlp.AnalyzeBench;
import vn.iocstream.nlp.watch.WatchBench;

/**
 * {@code ioc bench …}: throughput measured on this machine, each figure beside a baseline measured in the same
 * run (ratios survive a noisy machine better than absolute numbers).
 */
public final class BenchCommand {
    static final String USAGE = """
            usage: ioc bench <what> [options]

              nlp [--seconds S] [--posts N] [--seed N]
                  analyze() posts/s and words/s on ~1 KB generated Vietnamese posts with 200 watchlists, on one
                  thread and on all cores, beside a normalise+tokenize baseline (S seconds per measurement,
                  default 10); then watchlist matching posts/s with 2,000 queries over N posts (default 5000),
                  beside plain syllable phrase queries.""";

    public int run(List<String> args) throws Exception {
        Integer helped = Options.helpFor(args, USAGE);
        if (helped != null) return helped;
        List<String> rest = args.subList(1, args.size());
        if (!args.get(0).equals("nlp")) throw new UsageException("unknown benchmark: " + args.get(0), USAGE);
        Options o = Options.parse(rest, List.of("seconds", "posts", "seed"), List.of(), USAGE);
        long seed = o.number("seed", 7);
        System.out.println("measuring analyze() … (" + o.number("seconds", 10) + " s per row)");
        AnalyzeBench.print(AnalyzeBench.run(o.number("seconds", 10), seed), System.out);
        System.out.println();
        System.out.println("measuring watchlist matching …");
        WatchBench.print(WatchBench.run(2000, (int) o.number("posts", 5000), seed), System.out);
        return 0;
    }
}
