package vn.iocstream.alerts.channels;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import vn.iocstream.alerts.config.ChannelSpec;
import vn.iocstream.alerts.render.AlertText;

/**
 * E-mail over SMTP (Jakarta Mail, Angus implementation): STARTTLS required by default (port 587), implicit TLS
 * ({@code security: tls}, port 465) or, for a relay on a trusted network, plain. Server certificates are checked
 * (chain and host name) unless the host is listed in {@code trust}. Each message has a plain-text and an HTML part,
 * and {@code Message-ID: <deliveryId@ioc-stream>}, the same for every retry, so a mail system or reader can drop a
 * repeat. SMTP 5xx answers and failed authentication are final; the rest is retried.
 */
public final class EmailChannel implements Channel {
    private final ChannelSpec.Email spec;
    private final Session session;
    private final String protocol;
    private final Clock clock;

    public EmailChannel(ChannelSpec.Email spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.protocol = spec.security().equals("tls") ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", spec.host());
        props.put(p + "port", Integer.toString(spec.port()));
        String timeout = Long.toString(spec.retry().timeout().toMillis());
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        props.put(p + "auth", Boolean.toString(!spec.username().isBlank()));
        // A host listed in `trust` is taken with the certificate it shows (a self-signed internal relay): only then is the
        // name check off; otherwise the chain and the host name are checked.
        props.put(p + "ssl.checkserveridentity", Boolean.toString(spec.trust().isBlank()));
        if (spec.security().equals("starttls")) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (!spec.trust().isBlank()) props.put(p + "ssl.trust", spec.trust());
        this.session = Session.getInstance(props);
    }

    @Override
    public ChannelSpec spec() {
        return spec;
    }

    @Override
    public String send(Outbound o) throws DeliveryException {
        return deliver("<" + o.deliveryId() + "@ioc-stream>", o.address(), AlertText.subject(o),
                alternative(AlertText.plain(o), html(o)));
    }

    /** A file sent with a document ({@link #sendDocument}). */
    public record Attachment(String fileName, String mimeType, byte[] bytes) {}

    /**
     * Sends a document that is not an alert (the daily digest) through this channel's server and sender, with the same
     * security and error mapping as alerts.
     *
     * @param messageId the same for a repeat of the same document, so a mail system or reader can drop it
     *                  ({@code <…@ioc-stream>})
     * @param address   one or more addresses, comma-separated
     */
    public String sendDocument(String messageId, String address, String subject, String plain, String html,
                               List<Attachment> attachments) throws DeliveryException {
        try {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative(plain, html));
            mixed.addBodyPart(body);
            for (Attachment a : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.mimeType())));
                part.setFileName(MimeUtility.encodeText(a.fileName(), "UTF-8", null));
                mixed.addBodyPart(part);
            }
            return deliver(messageId, address, subject, mixed);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw DeliveryException.permanent("cannot build the message: " + firstLine(e.getMessage()));
        }
    }

    private static MimeMultipart alternative(String plain, String html) throws DeliveryException {
        try {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(plain, "UTF-8", "plain");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(htmlPart);
            return alternative;
        } catch (MessagingException e) {
            throw DeliveryException.permanent("cannot build the message: " + firstLine(e.getMessage()));
        }
    }

    private String deliver(String messageId, String address, String subject, MimeMultipart content) throws DeliveryException {
        try {
            MimeMessage message = new FixedIdMessage(session, messageId);
            message.setFrom(new InternetAddress(spec.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address, true));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setContent(content);
            message.saveChanges();
            try (Transport transport = session.getTransport(protocol)) {
                if (spec.username().isBlank()) transport.connect();
                else transport.connect(spec.host(), spec.port(), spec.username(), spec.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            return "accepted by " + spec.host();
        } catch (AuthenticationFailedException e) {
            throw DeliveryException.permanent("SMTP authentication failed");
        } catch (SMTPSendFailedException e) {
            String what = "SMTP " + e.getReturnCode() + ": " + firstLine(e.getMessage());
            if (e.getReturnCode() >= 500) throw DeliveryException.permanent(what);
            throw DeliveryException.temporary(what, e);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw DeliveryException.permanent("address refused: " + firstLine(e.getMessage()));
            }
            throw DeliveryException.temporary(firstLine(e.getMessage()), e);
        } catch (MessagingException e) {
            throw DeliveryException.temporary(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The HTML part: the same lines as the text part, escaped. */
    static String html(Outbound o) {
        StringBuilder body = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>")
                .append(AlertText.html(AlertText.subject(o))).append("</title></head><body style=\"font-family:sans-serif\">");
        for (String line : AlertText.lines(o, AlertText::html, s -> "<strong>" + s + "</strong>")) {
            body.append(line.isEmpty() ? "<hr>" : "<div>" + line + "</div>");
        }
        return body.append("</body></html>").toString();
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Keeps the Message-ID it is given (the default replaces it on every save). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
