package vn.iocstream.jobs.detectors.nab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.iocstream.core.json.Json;

/** A NAB cost profile: the weight of a true positive, a false positive and a missed window. */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {
    /** The three profiles NAB publishes, used when the data folder has no {@code config/profiles.json}. */
    public static final List<NabProfile> DEFAULTS = List.of(
            new NabProfile("standard", 1.0, 0.11, 1.0),
            new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0),
            new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0));

    /** Reads NAB's {@code profiles.json} ({@code {"name": {"CostMatrix": {"tpWeight": …}}}}). */
    public static List<NabProfile> load(Path profilesJson) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(profilesJson));
        List<NabProfile> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue().path("CostMatrix");
            if (!m.has("tpWeight") || !m.has("fpWeight") || !m.has("fnWeight")) {
                throw new IOException(profilesJson + ": profile " + e.getKey() + " lacks CostMatrix tpWeight/fpWeight/fnWeight");
            }
            out.add(new NabProfile(e.getKey(), m.get("tpWeight").asDouble(), m.get("fpWeight").asDouble(),
                    m.get("fnWeight").asDouble()));
        }
        return out;
    }

    /** The name in the headline line: {@code reward_low_FP_rate} → {@code reward_low_FP}. */
    public String shortName() {
        return name.endsWith("_rate") ? name.substring(0, name.length() - "_rate".length()) : name;
    }
}
