package vn.iocstream.jobs.functions;

import org.apache.flink.util.OutputTag;
import vn.iocstream.core.model.DeadLetter;

/** The side output every operator uses for records it cannot process. */
public final class DeadLetters {
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};
    /** Name of the counter each such operator registers, as shown in Flink's metrics. */
    public static final String COUNTER = "deadLetters";

    private DeadLetters() {}
}
