package vn.lienthong.mail.james;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every mail it sees into a spool folder for Liên Thông's archive: the envelope and the raw MIME, one file per
 * mail, written to {@code tmp/}, forced to disk and then renamed into {@code new/}, so a reader never sees half a
 * file. The app indexes the files and deletes them; mail keeps flowing whether the app runs or not.
 *
 * <p>Placed first in the {@code transport} processor, every mail passes it once: submitted by the webmail or a mail
 * client, or received from outside. A file that cannot be written is logged and the mail goes on (delivery matters
 * more than the archive; the archive's rebuild reads the mailboxes again).
 *
 * <pre>
 * &lt;mailet match="All" class="vn.lienthong.mail.james.ArchiveSpool"&gt;
 *   &lt;folder&gt;/srv/lienthong/data/james/var/archive-spool&lt;/folder&gt;
 * &lt;/mailet&gt;
 * </pre>
 *
 * <p>File format ({@code .eml} in {@code new/}): header lines in UTF-8, each ending in CRLF,
 * {@code X-LienThong-Spool: 1}, {@code X-Envelope-From: <address or empty>}, one {@code X-Envelope-To: <address>}
 * per recipient, then an empty line, then the message exactly as James holds it.
 */
public class ArchiveSpool extends GenericMailet {

    static final String FORMAT = "X-LienThong-Spool: 1";
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveSpool.class);

    private Path tmp;
    private Path ready;

    @Override
    public void init() throws MessagingException {
        String folder = getInitParameter("folder");
        if (folder == null || folder.isBlank()) {
            throw new MessagingException("ArchiveSpool needs a <folder>");
        }
        Path root = Path.of(folder.strip()).toAbsolutePath();
        tmp = root.resolve("tmp");
        ready = root.resolve("new");
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(ready);
        } catch (IOException e) {
            throw new MessagingException("Cannot create the archive spool " + root, e);
        }
    }

    @Override
    public void service(Mail mail) {
        String name = System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml";
        Path file = tmp.resolve(name);
        try {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                StringBuilder envelope = new StringBuilder(FORMAT).append("\r\n");
                envelope.append("X-Envelope-From: ")
                    .append(mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse(""))
                    .append("\r\n");
                for (MailAddress recipient : mail.getRecipients()) {
                    envelope.append("X-Envelope-To: ").append(recipient.asString()).append("\r\n");
                }
                envelope.append("\r\n");
                out.write(envelope.toString().getBytes(StandardCharsets.UTF_8));
                mail.getMessage().writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(file, ready.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException | RuntimeException e) {
            LOGGER.error("Could not spool mail {} for the archive; it is delivered anyway", mail.getName(), e);
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Left in tmp/, which the app never reads.
            }
        }
    }

    @Override
    public String getMailetInfo() {
        return "Liên Thông archive spool";
    }
}
