package vn.lienthong.archive.internal;

import java.io.ByteArrayInputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the text of an attachment with Apache Tika, within limits: files over the size limit are not parsed,
 * a parse that takes longer than the time limit is abandoned, text beyond the character limit is cut. A file
 * that cannot be read yields empty text and a log line; the caller indexes it by name, so it is never lost.
 * <p>
 * Parses run on their own daemon threads so a stuck parser cannot hold up the caller past the time limit.
 */
final class AttachmentTextExtractor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AttachmentTextExtractor.class);

    private final ArchiveSettings.Attachments limits;
    private final ExecutorService executor;
    private volatile Parser parser;

    AttachmentTextExtractor(ArchiveSettings.Attachments limits) {
        this.limits = limits;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "archive-attachment-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The text of the file, or an empty string when it is too big, too slow or unreadable. */
    String extract(String name, byte[] content) {
        if (content.length == 0) {
            return "";
        }
        if (content.length > limits.maxSize().toBytes()) {
            log.warn("Attachment '{}' ({} bytes) is over the limit of {}: indexed by name only", name,
                    content.length, limits.maxSize());
            return "";
        }
        Future<String> parse = executor.submit(() -> parse(name, content));
        try {
            return parse.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS).strip();
        } catch (TimeoutException e) {
            parse.cancel(true);
            log.warn("Attachment '{}' took longer than {} to read: indexed by name only", name, limits.timeout());
        } catch (ExecutionException e) {
            log.warn("Attachment '{}' could not be read ({}): indexed by name only", name, e.getCause().toString());
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private String parse(String name, byte[] content) throws Exception {
        BodyContentHandler text = new BodyContentHandler(limits.maxChars());
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try {
            parser().parse(new ByteArrayInputStream(content), text, metadata, new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            log.info("Attachment '{}' has more than {} characters of text: the rest is not indexed", name,
                    limits.maxChars());
        }
        return text.toString();
    }

    /** Tika loads its parsers once, on first use (it takes a moment). */
    private Parser parser() {
        Parser p = parser;
        if (p == null) {
            synchronized (this) {
                if (parser == null) {
                    parser = new AutoDetectParser();
                }
                p = parser;
            }
        }
        return p;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
