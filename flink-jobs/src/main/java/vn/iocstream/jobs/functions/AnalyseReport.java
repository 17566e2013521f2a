package vn.iocstream.jobs.functions;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.AnalysedReport;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.jobs.traffic.Communes;
import vn.iocstream.jobs.traffic.ReportTopics;
import vn.iocstream.nlp.Analysis;
import vn.iocstream.nlp.VietnameseAnalyzer;

/**
 * Analyses a citizen report with the Vietnamese pipeline (as social text: hotline notes and app messages are
 * typed fast, often without diacritics or in teencode), gives it a topic and a commune key resolved through
 * the gazetteer. One analyzer per parallel subtask, created in {@code open()}.
 */
public final class AnalyseReport extends ProcessFunction<CitizenReport, AnalysedReport> {
    private static final long serialVersionUID = 1L;
    /** Key words kept per report: enough to see what a cluster is about, small in the table. */
    static final int KEYWORDS = 8;

    private final IocConfig.Nlp nlp;
    private transient Gazetteer gazetteer;
    private transient VietnameseAnalyzer analyzer;

    public AnalyseReport(IocConfig.Nlp nlp) {
        this.nlp = nlp;
    }

    @Override
    public void open(OpenContext openContext) {
        gazetteer = Gazetteer.load();
        analyzer = VietnameseAnalyzer.forConfig(List.of(), nlp);
    }

    @Override
    public void processElement(CitizenReport report, Context ctx, Collector<AnalysedReport> out) {
        Analysis a = analyzer.analyze(report.text(), "social", report.channel());
            Communes.Place place = Communes.resolve(gazetteer, report.location(), a.province());
            // Multi-syllable words carry the meaning ("kẹt xe", "ngã tư"); single syllables are mostly function words.
            List<String> keywords = a.words().stream().filter(w -> w.indexOf(' ') > 0).distinct().limit(KEYWORDS).toList();
            out.collect(new AnalysedReport(report.id(), report.time(), report.channel(), report.category(),
                    ReportTopics.topicOf(report.category(), a.normalized()), report.text(), place.key(), place.commune(),
                    place.province(), place.provinceWritten(), report.location().lat(), report.location().lon(),
                    a.places(), keywords, a.sentiment(), a.score(), ""));
    }
}
