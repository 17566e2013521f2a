package vn.iocstream.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import vn.iocstream.core.json.Json;

/**
 * Seeded hostile records for the four raw topics, as a broken website, a faulty sensor gateway or an attacker who can
 * write to Kafka would send them. A quarter are well-formed (the control: they must be stored); the rest carry one
 * hostile value in one field — extreme and negative times, NaN and infinities, huge numbers, huge strings and arrays,
 * unpaired surrogates, markup, wrong types, deep nesting — or are broken as a whole (cut short, trailing data, a key
 * twice, invalid UTF-8, binary noise). The same seed gives the same records.
 */
final class HostileRecords {
    /** One record as produced; {@code valid} for the well-formed control records. */
    record Produced(byte[] bytes, boolean valid) {}

    private static final String MARK = "\"__HOSTILE__\"";

    private final Random random;
    private final Instant now;

    HostileRecords(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    List<Produced> posts(int n) {
        return records(n, i -> {
            ObjectNode p = Json.MAPPER.createObjectNode();
            p.put("id", "fz-post-" + i);
            p.put("url", "https://baodongnai.com.vn/xa-hoi/ngap-sau-tam-hiep-a" + (900_000 + i) + ".html");
            p.put("kind", i % 3 == 0 ? "comment" : "press");
            p.put("source", "Báo Đồng Nai");
            p.put("locality", "Đồng Nai");
            p.put("title", "Mưa lớn gây ngập sâu nhiều tuyến đường ở phường Tam Hiệp, tin số " + i);
            p.put("text", i % 3 == 0 ? "ngap qua troi, ko ai phan luong het, kẹt xe từ sáng tới h" :
                    "Chiều nay, mưa lớn kéo dài khiến nhiều tuyến đường ở phường Tam Hiệp, tỉnh Đồng Nai ngập sâu 40 cm.");
            p.put("author", "Phóng viên Hoàng Yến");
            p.put("publishedAt", now.minus(Duration.ofMinutes(600 - i % 600)).toString());
            p.put("fetchedAt", now.minus(Duration.ofMinutes(1)).toString());
            return p;
        });
    }

    List<Produced> reports(int n) {
        return records(n, i -> {
            ObjectNode r = Json.MAPPER.createObjectNode();
            r.put("id", "fz-1022-" + i);
            r.put("time", now.minus(Duration.ofMinutes(300 - i % 300)).toString());
            r.put("channel", i % 2 == 0 ? "hotline-1022" : "app");
            r.put("category", "ngập nước");
            r.put("text", "Nước ngập tới đầu gối ở đường Đồng Khởi, xe máy chết máy hàng loạt, báo số " + i);
            ObjectNode where = r.putObject("location");
            where.put("commune", "phường Tam Hiệp");
            where.put("province", "Đồng Nai");
            return r;
        });
    }

    /** One reading a minute per segment, in time order within each segment. */
    List<Produced> readings(int n) {
        return records(n, i -> {
            ObjectNode t = Json.MAPPER.createObjectNode();
            t.put("segmentId", "fz-segment-" + (i % 5));
            t.put("time", now.minus(Duration.ofMinutes(n - i)).toString());
            t.put("speedKmh", 40 + i % 20);
            t.put("volume", 30 + i % 11);
            t.put("occupancy", 0.2);
            return t;
        });
    }

    /** sshd lines and Zeek notices, each at its own offset so that every one is its own event. */
    List<Produced> security(int n) {
        return records(n, i -> {
            ObjectNode e = Json.MAPPER.createObjectNode();
            if (i % 2 == 0) {
                e.put("format", "auth");
                e.put("source", "bastion-dongnai/auth.log");
                e.put("line", ZonedSyslog.of(now.minus(Duration.ofMinutes(120 - i % 120)))
                        + " bastion-dongnai sshd[" + (2000 + i) + "]: Failed password for root from 203.0.113." + (i % 250)
                        + " port " + (40000 + i) + " ssh2");
            } else {
                e.put("format", "zeek");
                e.put("source", "notice.log");
                e.put("line", "{\"_path\":\"notice\",\"ts\":" + now.minus(Duration.ofMinutes(60)).getEpochSecond() + "." + i
                        + ",\"note\":\"Scan::Port_Scan\",\"msg\":\"198.51.100." + (i % 250) + " scanned at least 15 unique ports\","
                        + "\"src\":\"198.51.100." + (i % 250) + "\"}");
            }
            e.put("offset", i);
            return e;
        });
    }

    private List<Produced> records(int n, IntFunction<ObjectNode> valid) {
        List<Produced> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ObjectNode record = valid.apply(i);
            double roll = random.nextDouble();
            if (roll < 0.25) {
                out.add(new Produced(Json.bytes(record), true));
            } else if (roll < 0.85) {
                List<String> fields = new ArrayList<>();
                record.fieldNames().forEachRemaining(fields::add);
                String field = fields.get(random.nextInt(fields.size()));
                if (field.equals("location")) {
                    ObjectNode where = (ObjectNode) record.get("location");
                    where.put(random.nextBoolean() ? "commune" : "lat", "__HOSTILE__");
                } else {
                    record.put(field, "__HOSTILE__");
                }
                String json = record.toString().replace(MARK, hostileValue(i));
                out.add(new Produced(json.getBytes(StandardCharsets.UTF_8), false));
            } else {
                out.add(new Produced(brokenWhole(Json.bytes(record)), false));
            }
        }
        return out;
    }

    /** A JSON value, as raw text: what one field may hold in a hostile record. */
    private String hostileValue(int i) {
        return switch (random.nextInt(30)) {
            case 0 -> "\"+300000000-01-01T00:00:00Z\"";
            case 1 -> "\"-999999999-01-01T00:00:00Z\"";
            case 2 -> "\"0001-01-01T00:00:00Z\"";
            case 3 -> "\"1969-12-31T23:59:59Z\"";
            case 4 -> "1e300";
            case 5 -> "-9223372036854775808";
            case 6 -> "123456789012345678901234567890";
            case 7 -> "NaN";
            case 8 -> "Infinity";
            case 9 -> "-1";
            case 10 -> "\"" + now.plus(Duration.ofDays(3)) + "\"";
            case 11 -> "\"2026-02-30T00:00:00Z\"";
            case 12 -> "\"\"";
            case 13 -> "null";
            case 14 -> "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}";
            case 15 -> "[" + "\"x\",".repeat(20_000) + "\"x\"]";
            case 16 -> "\"" + "ngập ".repeat(60_000) + "\"";
            case 17 -> "\"" + "a".repeat(3_000) + i + "\"";
            case 18 -> "\"lỗi \\ud83d nửa cặp " + i + "\"";
            case 19 -> "\"<img src=x onerror=alert(1)> critical\\\" onmouseover=\\\"alert(8) " + i + "\"";
            case 20 -> "\"'; DROP TABLE posts; -- " + i + "\"";
            case 21 -> "\"\\u0000\\u0007\\t\\n " + i + "\"";
            case 22 -> "true";
            case 23 -> "{}";
            case 24 -> "\"42\"";
            case 25 -> "\"e\\u0301\\u0301\\u0301\\u0301\\u0301" + "\\u0300".repeat(5_000) + i + "\"";
            case 26 -> "-1e400";
            case 27 -> "\"" + now.plus(Duration.ofHours(20)) + "\"";
            case 28 -> "\"\\u202etếng ngược " + i + "\"";
            default -> "\"😀👍🏽 " + i + "\"";
        };
    }

    /** The record broken as a whole. */
    private byte[] brokenWhole(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8);
            case 1 -> (text + " rác ở cuối").getBytes(StandardCharsets.UTF_8);
            case 2 -> text.replaceFirst("\\{\"(\\w+)\":(\"[^\"]*\"),", "{\"$1\":$2,\"$1\":\"khác\",").getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                byte[] b = json.clone();
                b[b.length / 2] = (byte) 0xC3;
                b[b.length / 2 + 1] = (byte) 0x28;
                yield b;
            }
            case 4 -> {
                byte[] noise = new byte[1 + random.nextInt(400)];
                random.nextBytes(noise);
                yield noise;
            }
            case 5 -> new byte[0];
            case 6 -> "null".getBytes(StandardCharsets.UTF_8);
            default -> ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** BSD syslog time ("Dec  4 10:15:02"), as sshd writes it, in UTC. */
    private static final class ZonedSyslog {
        static String of(Instant t) {
            return java.time.format.DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", java.util.Locale.ENGLISH)
                    .withZone(java.time.ZoneOffset.UTC).format(t);
        }
    }
}
