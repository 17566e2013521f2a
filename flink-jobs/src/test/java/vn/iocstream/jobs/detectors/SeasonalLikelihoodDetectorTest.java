package vn.iocstream.jobs.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;

class SeasonalLikelihoodDetectorTest {
    private static final long FIVE_MINUTES = 300_000L;
    private static final long START = 1_617_235_200_000L; // 2021-04-01T00:00Z

    /** Requests per 5 minutes on a provincial portal: quiet at night, a daytime peak, Poisson-like noise. */
    private static double usual(int i, Random random) {
        double hour = (i * 5.0 / 60) % 24;
        double daily = 200 + 150 * Math.sin((hour - 8) / 24 * 2 * Math.PI);
        return daily + random.nextGaussian() * Math.sqrt(daily);
    }

    @Test
    void dailyPeaks_scoreBelowAlarm_whileAShiftOfThreeTimesTheRateAlarms() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(42);
        int days = 8, perDay = 288;
        double highestUsual = 0;
        for (int i = 0; i < days * perDay; i++) {
            double s = d.score(START + i * FIVE_MINUTES, usual(i, random));
            assertThat(s).isBetween(0.0, 1.0);
            if (i >= 2 * perDay) highestUsual = Math.max(highestUsual, s);
        }
        assertThat(highestUsual).isLessThan(SeasonalLikelihoodDetector.ALARM);
        double highest = 0;
        for (int i = days * perDay; i < days * perDay + 12; i++) {
            highest = Math.max(highest, d.score(START + i * FIVE_MINUTES, 3 * usual(i, random)));
        }
        assertThat(highest).isGreaterThanOrEqualTo(SeasonalLikelihoodDetector.ALARM);
    }

    @Test
    void valueFarOutsideTheSeenRange_scoresOne() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(7);
        int i = 0;
        for (; i < 2000; i++) d.score(START + i * FIVE_MINUTES, 50 + random.nextGaussian());
        assertThat(d.score(START + i * FIVE_MINUTES, 90)).isEqualTo(1.0);
    }

    @Test
    void burstOfSurprises_alarmsOnce() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(11);
        int i = 0;
        // one early outlier widens the seen range, so that only the likelihood speaks for the burst
        for (; i < 2000; i++) d.score(START + i * FIVE_MINUTES, i == 500 ? 100 : 50 + random.nextGaussian());
        int alarms = 0;
        for (int k = 0; k < 20; k++, i++) {
            double s = d.score(START + i * FIVE_MINUTES, k < 10 ? 80 : 50 + random.nextGaussian());
            if (s >= SeasonalLikelihoodDetector.ALARM) alarms++;
        }
        assertThat(alarms).isEqualTo(1);
    }

    @Test
    void warmUp_neverAlarms_evenOnWildValues() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(5);
        for (int i = 0; i < SeasonalLikelihoodDetector.Settings.DEFAULTS.rangeLearning(); i++) {
            assertThat(d.score(START + i * FIVE_MINUTES, random.nextDouble() * (i % 10 == 0 ? 1000 : 10)))
                    .isLessThan(SeasonalLikelihoodDetector.ALARM);
        }
    }

    /** Queue length at a toll station, one point a minute: it builds up and clears every 12 minutes. */
    private static double queue(int i, Random random) {
        return 5 * (i % 12) + random.nextGaussian();
    }

    @Test
    void rhythmReversedAtUsualLevels_alarms_whileTheUsualRhythmRarelyDoes() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(19);
        long minute = 60_000L;
        int i = 0;
        int usualAlarms = 0;
        for (; i < 3000; i++) {
            if (d.score(START + i * minute, queue(i, random)) >= SeasonalLikelihoodDetector.ALARM && i >= 1000) usualAlarms++;
        }
        // a new minimum or maximum moves every bin edge, so a rare usual move can still alarm
        assertThat(usualAlarms).isLessThanOrEqualTo(3);
        double highest = 0;
        for (int k = 0; k < 36; k++, i++) { // the queue now drains slowly and fills at once: same values, new moves
            highest = Math.max(highest, d.score(START + i * minute, 5 * (11 - k % 12) + random.nextGaussian()));
        }
        assertThat(highest).isGreaterThanOrEqualTo(SeasonalLikelihoodDetector.ALARM);
    }

    @Test
    void learningPeriod_neverAlarms_onValuesInsideTheSeenRange() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(23);
        d.score(START, 0);
        d.score(START + FIVE_MINUTES, 1000);
        for (int i = 2; i < 2 * SeasonalLikelihoodDetector.Settings.DEFAULTS.likelihoodLearning() + 2; i++) {
            double wild = i < 150 ? 10 + random.nextGaussian() : random.nextDouble() * 1000; // calm, then chaos
            assertThat(d.score(START + i * FIVE_MINUTES, wild)).isLessThan(SeasonalLikelihoodDetector.ALARM);
        }
    }

    @Test
    void daytimePeakThatNeverComes_alarms_thoughTheLevelMovesNoFasterThanAtNight() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(29);
        int perDay = 288, i = 0;
        for (; i < 10 * perDay; i++) d.score(START + i * FIVE_MINUTES, usual(i, random));
        double highest = 0;
        for (int end = i + perDay; i < end; i++) { // the portal stays at its night-time rate all day
            highest = Math.max(highest, d.score(START + i * FIVE_MINUTES, 60 + random.nextGaussian() * Math.sqrt(60)));
        }
        assertThat(highest).isGreaterThanOrEqualTo(SeasonalLikelihoodDetector.ALARM);
    }

    private static final long HALF_HOUR = 1_800_000L;
    private static final long MONDAY = 1_617_580_800_000L; // 2021-04-05T00:00Z

    /** Bus trips per half hour in a city: weekday rush hours at 7:00 and 17:00, a flatter weekend afternoon. */
    private static double trips(int i, boolean holiday, Random random) {
        double hour = (i % 48) / 2.0;
        boolean weekend = holiday || (i / 48) % 7 >= 5;
        double rate = weekend
                ? 150 + 250 * Math.exp(-Math.pow((hour - 15) / 4, 2))
                : 100 + 600 * Math.exp(-Math.pow((hour - 7) / 1.5, 2)) + 700 * Math.exp(-Math.pow((hour - 17) / 1.5, 2));
        return rate + random.nextGaussian() * Math.sqrt(rate);
    }

    @Test
    void weekdayRunLikeASunday_alarms_whileUsualWeeksRarelyDo() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(31);
        int perWeek = 7 * 48, i = 0, usualAlarms = 0;
        for (; i < 6 * perWeek; i++) {
            if (d.score(MONDAY + i * HALF_HOUR, trips(i, false, random)) >= SeasonalLikelihoodDetector.ALARM && i >= 4 * perWeek) usualAlarms++;
        }
        assertThat(usualAlarms).isLessThanOrEqualTo(2);
        for (int end = i + 2 * 48; i < end; i++) d.score(MONDAY + i * HALF_HOUR, trips(i, false, random));
        // a public holiday on the Wednesday of week 7
        double highest = 0;
        for (int end = i + 48; i < end; i++) highest = Math.max(highest, d.score(MONDAY + i * HALF_HOUR, trips(i, true, random)));
        assertThat(highest).isGreaterThanOrEqualTo(SeasonalLikelihoodDetector.ALARM);
    }

    @Test
    void serialisedState_isSmall_andResumesWithIdenticalScores() throws Exception {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector();
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) d.score(START + i * FIVE_MINUTES, usual(i, random));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(d);
        }
        assertThat(bytes.size()).isLessThan(5500); // 5,038 bytes measured (Java serialisation, class descriptors included)
        SeasonalLikelihoodDetector copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (SeasonalLikelihoodDetector) in.readObject();
        }
        for (int i = 1000; i < 1100; i++) {
            double v = usual(i, random) * (i == 1050 ? 4 : 1);
            assertThat(copy.score(START + i * FIVE_MINUTES, v)).isEqualTo(d.score(START + i * FIVE_MINUTES, v));
        }
    }

    @Test
    void brokenReadings_scoreZero_andLeaveTheDetectorAsItWas() {
        SeasonalLikelihoodDetector d = new SeasonalLikelihoodDetector(), clean = new SeasonalLikelihoodDetector();
        Random random = new Random(13);
        for (int i = 0; i < 2000; i++) {
            double v = usual(i, random);
            if (i % 500 == 250) {
                assertThat(d.score(START + i * FIVE_MINUTES, i % 1000 == 250 ? Double.NaN : Double.POSITIVE_INFINITY)).isZero();
            }
            assertThat(d.score(START + i * FIVE_MINUTES, v)).isEqualTo(clean.score(START + i * FIVE_MINUTES, v));
        }
    }

    @Test
    void shippedConfig_alarmsAtTheDetectorsShippedThreshold() {
        IocConfig.RequestRate rate = ConfigLoader.defaults().security().requestRate();
        assertThat(Detectors.alarm(rate.detector())).hasValue(rate.scoreThreshold());
        assertThat(Detectors.alarm("default")).hasValue(SeasonalLikelihoodDetector.ALARM);
        assertThat(Detectors.alarm("gaussian")).isEmpty();
    }

    @Test
    void detectorsByName_knowDefaultAndGaussian_andRejectOthers() {
        assertThat(Detectors.named("default").get()).isInstanceOf(SeasonalLikelihoodDetector.class);
        assertThat(Detectors.named("gaussian").get()).isInstanceOf(WindowedGaussianDetector.class);
        assertThatThrownBy(() -> Detectors.named("htm")).hasMessageContaining("unknown detector: htm");
    }
}
