package vn.iocstream.app.digest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.alerts.channels.DeliveryException;
import vn.iocstream.alerts.channels.EmailChannel;
import vn.iocstream.alerts.config.AlertsFile;
import vn.iocstream.alerts.config.ChannelSpec;

/**
 * Sends a digest through an e-mail channel of the alerts file (the same SMTP server, sender, credentials and TLS rules
 * as alert e-mails): the HTML as the body with a plain-text alternative, the chosen files attached. The Message-ID is
 * the same for every repeat of one scope and day, so a mail system can drop a repeat.
 */
public final class DigestMail {
    private final EmailChannel channel;

    DigestMail(EmailChannel channel) {
        this.channel = channel;
    }

    /**
     * @throws IllegalArgumentException when the file has no channel of that name, or it is not an e-mail channel
     */
    public static DigestMail of(Path alertsFile, String channelName) {
        AlertsFile file = AlertsFile.read(alertsFile);
        ChannelSpec spec = file.channels().get(channelName);
        if (!(spec instanceof ChannelSpec.Email email)) {
            throw new IllegalArgumentException(spec == null ? "no channel '" + channelName + "' in " + alertsFile
                    : "channel '" + channelName + "' in " + alertsFile + " is of type " + spec.type() + ", not email");
        }
        return new DigestMail(new EmailChannel(email, Clock.systemUTC()));
    }

    /** Attempts per digest before it is given up for the day: the channel's {@code attempts}. */
    int attempts() {
        return ((ChannelSpec.Email) channel.spec()).retry().attempts();
    }

    /** @return the server's acknowledgement */
    public String send(Digest d, List<String> to, List<Path> attachments) throws DeliveryException, IOException {
        List<EmailChannel.Attachment> files = new ArrayList<>();
        for (Path p : attachments) files.add(new EmailChannel.Attachment(p.getFileName().toString(), mimeType(p), Files.readAllBytes(p)));
        String id = "<digest-" + DigestScope.slug(d.scope()) + "-" + d.day() + "@ioc-stream>";
        return channel.sendDocument(id, String.join(", ", to), DigestText.title(d), plain(d), DigestHtml.render(d), files);
    }

    /** The plain-text alternative: the headline numbers and the top stories. */
    static String plain(Digest d) {
        StringBuilder t = new StringBuilder(DigestText.title(d)).append("\n\n");
        for (Digest.Figure f : d.figures()) {
            t.append(f.label()).append(": ").append(DigestText.number(f.day(), f.percent())).append(" (so với hôm trước ")
                    .append(DigestText.change(f.day(), f.dayBefore(), f.percent())).append(")\n");
        }
        t.append("\nCâu chuyện nổi bật:\n");
        for (Digest.Story s : d.stories()) {
            t.append(s.rank()).append(". ").append(s.title()).append("\n   ").append(DigestText.storyLine(s)).append('\n');
            if (!s.copies().isEmpty()) t.append("   ").append(s.copies().get(0).url()).append('\n');
        }
        return t.append("\nBản đầy đủ trong tệp đính kèm.\n").toString();
    }

    private static String mimeType(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(".pdf")) return "application/pdf";
        if (name.endsWith(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (name.endsWith(".csv")) return "text/csv; charset=utf-8";
        return "application/octet-stream";
    }
}
