package vn.iocstream.jobs.detectors.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.testing.SharedData;

/**
 * The scorer against NAB's own numbers: the Numenta HTM detector's published per-row output
 * (../shared/data/nab/oracle-numenta, or -Dioc.shared.data=DIR) at the published thresholds must give each
 * file the sum of its S(t) column. Skipped when the data is absent.
 */
class NabOracleTest {
    private static final Path NAB = SharedData.path("nab");
    /** The thresholds NAB published for the numenta detector (oracle-numenta's README). */
    private static final Map<String, Double> PUBLISHED = Map.of(
            "standard", 0.5421876907348634,
            "reward_low_FP_rate", 0.5751955032348636,
            "reward_low_FN_rate", 0.5421876907348634);

    private static NabCorpus corpus;
    private static List<double[]> scores;
    private static List<Map<String, Double>> sums;

    @BeforeAll
    static void load() throws IOException {
        SharedData.require(NAB.resolve("oracle-numenta"));
        corpus = NabCorpus.load(NAB);
        scores = new ArrayList<>();
        sums = new ArrayList<>();
        for (NabSeries s : corpus.series()) {
            String file = s.name().substring(s.name().indexOf('/') + 1);
            Path oracle = NAB.resolve("oracle-numenta").resolve(s.category()).resolve("numenta_" + file + ".gz");
            readOracle(oracle, s);
        }
    }

    private static void readOracle(Path oracle, NabSeries s) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(oracle)), StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            int score = header.indexOf("anomaly_score");
            double[] column = new double[s.size()];
            double[] sum = new double[PUBLISHED.size()];
            List<String> profiles = List.copyOf(PUBLISHED.keySet());
            int row = 0;
            for (String line; (line = in.readLine()) != null; row++) {
                String[] cells = line.split(",");
                column[row] = Double.parseDouble(cells[score]);
                for (int p = 0; p < profiles.size(); p++) {
                    sum[p] += Double.parseDouble(cells[header.indexOf("S(t)_" + profiles.get(p))]);
                }
            }
            assertThat(row).as("rows of %s", oracle).isEqualTo(s.size());
            scores.add(column);
            Map<String, Double> bySum = new java.util.HashMap<>();
            for (int p = 0; p < profiles.size(); p++) bySum.put(profiles.get(p), sum[p]);
            sums.add(bySum);
        }
    }

    @Test
    void numentaScoresAtPublishedThresholds_reproduceEachFilesSumOfSt() {
        assertThat(corpus.series()).hasSize(41);
        for (NabProfile p : corpus.profiles()) {
            for (int f = 0; f < corpus.series().size(); f++) {
                double raw = NabScorer.score(corpus.series().get(f), scores.get(f), PUBLISHED.get(p.name()), p).raw();
                assertThat(raw).as("%s %s", p.name(), corpus.series().get(f).name())
                        .isCloseTo(sums.get(f).get(p.name()), within(1e-6));
            }
        }
    }

    @Test
    void optimisedThreshold_scoresAtLeastThePublishedOne_andAgreesWithPerFileScoring() {
        for (NabProfile p : corpus.profiles()) {
            NabScorer.Threshold best = NabScorer.optimise(corpus.series(), scores, p);
            double atBest = 0, atPublished = 0;
            for (int f = 0; f < corpus.series().size(); f++) {
                atBest += NabScorer.score(corpus.series().get(f), scores.get(f), best.threshold(), p).raw();
                atPublished += NabScorer.score(corpus.series().get(f), scores.get(f), PUBLISHED.get(p.name()), p).raw();
            }
            assertThat(best.raw()).as(p.name()).isCloseTo(atBest, within(1e-6));
            assertThat(best.raw()).as(p.name()).isGreaterThanOrEqualTo(atPublished - 1e-9);
        }
    }
}
