package vn.iocstream.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --name value} options against the set a command declares. Repeatable options keep every
 * value. Anything unknown, a missing value or a stray argument is a {@link UsageException}.
 */
public final class Options {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final String usage;

    private Options(String usage) {
        this.usage = usage;
    }

    /**
     * @param valued names (without --) of options that take a value
     * @param flags  names of options without a value
     */
    public static Options parse(List<String> args, List<String> valued, List<String> flags, String usage) {
        Options options = new Options(usage);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) throw new UsageException("unexpected argument: " + arg, usage);
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && inline == null) {
                options.values.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException("option --" + name + " needs a value", usage);
                    value = args.get(++i);
                }
                options.values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option: --" + name, usage);
            }
        }
        return options;
    }

    /**
     * For commands with sub-commands ({@code ioc eval segment …}): prints the usage when there is no
     * sub-command (exit 2) or {@code --help} anywhere (exit 0); null when the command should run.
     */
    public static Integer helpFor(List<String> args, String usage) {
        if (args.isEmpty() || args.contains("--help")) {
            System.out.println(usage);
            return args.isEmpty() ? 2 : 0;
        }
        return null;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String get(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** {@code 90s}, {@code 5m}, {@code 2h}, {@code 500ms}; null if absent. */
    public Duration duration(String name) {
        String text = get(name, null);
        if (text == null) return null;
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException("--" + name + " must be a positive duration like 90s, 5m or 2h, got: " + text, usage);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    public long number(String name, long fallback) {
        String text = get(name, null);
        if (text == null) return fallback;
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got: " + text, usage);
        }
    }
}
