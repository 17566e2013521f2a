package vn.iocstream.alerts;

/**
 * Applies terminal commands to the desk. The commands travel over Kafka because the service holds the alerts' state
 * in memory (an acknowledgement must stop escalation in the running process, not only change a row). Whoever can
 * write to the broker can use them, under the name they give: the broker must be reachable by trusted operators only
 * (the embedded one listens on 127.0.0.1).
 */
public final class AlertCommands {
    public static final String TOPIC = "ioc.alerts.commands";
    public static final String RESULTS = "ioc.alerts.command-results";

    private AlertCommands() {}

    public static AlertCommandResult apply(AlertCommand c, AlertDesk desk) {
        try {
            String id = c.id();
            return switch (c.type() == null ? "" : c.type()) {
                case "ack" -> ok(c, "đã xác nhận", desk.acknowledge(id, c.actor(), c.text(), AlertScope.ALL));
                case "resolve" -> ok(c, "đã đóng", desk.resolve(id, c.actor(), c.text(), AlertScope.ALL));
                case "assign" -> ok(c, "đã giao cho " + c.text(), desk.assign(id, c.actor(), c.text(), AlertScope.ALL));
                case "comment" -> ok(c, "đã ghi chú", desk.comment(id, c.actor(), c.text(), AlertScope.ALL));
                case "silence" -> {
                    Silence s = desk.createSilence(new SilenceRequest(c.matcher(), null, c.endsAt(), c.text()), c.actor(), AlertScope.ALL);
                    yield new AlertCommandResult(c.requestId(), true, "đã tạm ẩn đến " + s.endsAt(), null, s);
                }
                case "expire" -> {
                    Silence s = desk.expireSilence(id, c.actor(), AlertScope.ALL);
                    yield new AlertCommandResult(c.requestId(), true, "đã kết thúc lệnh tạm ẩn", null, s);
                }
                default -> failed(c, "unknown command '" + c.type() + "' (ack, resolve, assign, comment, silence, expire)");
            };
        } catch (AlertNotFoundException | AlertConflictException | IllegalArgumentException | IllegalStateException e) {
            return failed(c, e.getMessage());
        }
    }

    private static AlertCommandResult ok(AlertCommand c, String message, AlertView after) {
        return new AlertCommandResult(c.requestId(), true, message, after, null);
    }

    private static AlertCommandResult failed(AlertCommand c, String message) {
        return new AlertCommandResult(c.requestId(), false, message, null, null);
    }
}
