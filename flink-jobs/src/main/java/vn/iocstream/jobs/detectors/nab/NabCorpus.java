package vn.iocstream.jobs.detectors.nab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.iocstream.core.json.Json;

/**
 * A NAB folder as published: {@code data/<category>/<file>.csv} (columns {@code timestamp,value}),
 * {@code labels/combined_windows.json}, and optionally {@code config/profiles.json}.
 */
public record NabCorpus(List<NabSeries> series, List<NabProfile> profiles) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** @throws IllegalArgumentException with a one-line reason when the folder is not a NAB corpus */
    public static NabCorpus load(Path dir) throws IOException {
        Path data = dir.resolve("data");
        Path windowsJson = dir.resolve("labels").resolve("combined_windows.json");
        if (!Files.isDirectory(data)) throw new IllegalArgumentException(dir + " has no data/ folder");
        if (!Files.isRegularFile(windowsJson)) throw new IllegalArgumentException(dir + " has no labels/combined_windows.json");
        Path profilesJson = dir.resolve("config").resolve("profiles.json");
        List<NabProfile> profiles = Files.isRegularFile(profilesJson) ? NabProfile.load(profilesJson) : NabProfile.DEFAULTS;

        JsonNode labels = Json.MAPPER.readTree(Files.readAllBytes(windowsJson));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(p -> p.toString().endsWith(".csv") && Files.isRegularFile(p)).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalArgumentException(data + " holds no .csv file");
        List<NabSeries> series = new ArrayList<>(files.size());
        for (Path file : files) {
            String name = data.relativize(file).toString().replace('\\', '/');
            series.add(read(name, file, labels.path(name)));
        }
        return new NabCorpus(List.copyOf(series), List.copyOf(profiles));
    }

    private static NabSeries read(String name, Path file, JsonNode windowLabels) throws IOException {
        List<String> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || !line.startsWith("timestamp")) throw new IOException(file + ": expected a timestamp,value header");
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) continue;
                int comma = line.indexOf(',');
                if (comma < 0) throw new IOException(file + ":" + row + ": expected timestamp,value");
                times.add(line.substring(0, comma).trim());
                try {
                    values.add(Double.parseDouble(line.substring(comma + 1).trim()));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + row + ": not a number: " + line.substring(comma + 1), e);
                }
            }
        }
        Map<String, Integer> rowOf = new HashMap<>(times.size() * 2);
        long[] millis = new long[times.size()];
        double[] v = new double[times.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = LocalDateTime.parse(times.get(i), TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            v[i] = values.get(i);
            rowOf.put(times.get(i), i);
        }
        int[][] windows = new int[windowLabels.size()][];
        for (int k = 0; k < windows.length; k++) {
            windows[k] = new int[] {row(rowOf, windowLabels.get(k).get(0), name), row(rowOf, windowLabels.get(k).get(1), name)};
        }
        return new NabSeries(name, millis, v, windows);
    }

    /** Window bounds carry a ".000000" suffix the data timestamps lack; they must hit a row exactly. */
    private static int row(Map<String, Integer> rowOf, JsonNode bound, String name) throws IOException {
        String text = bound.asText();
        int dot = text.indexOf('.');
        Integer row = rowOf.get(dot < 0 ? text : text.substring(0, dot));
        if (row == null) throw new IOException("combined_windows.json: window bound " + text + " is not a row of " + name);
        return row;
    }
}
