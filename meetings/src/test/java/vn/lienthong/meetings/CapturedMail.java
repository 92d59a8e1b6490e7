package vn.lienthong.meetings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.SystemMail;

/**
 * {@link SystemMail} for the meetings' tests: keeps every draft sent, and can be told to refuse the next sends (as
 * James does when it is down) to test the retries.
 */
@Component
public class CapturedMail implements SystemMail {

    public static final String ADDRESS = "khong-tra-loi@baclieu.gov.vn";

    private final List<Draft> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public void send(Draft draft) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new MailboxException("Không kết nối được máy chủ thư (test)", null);
        }
        sent.add(draft);
    }

    public List<Draft> sent() {
        return List.copyOf(sent);
    }

    public List<Draft> sent(Predicate<Draft> filter) {
        return sent.stream().filter(filter).toList();
    }

    /** The next {@code count} sends fail. */
    public void failNext(int count) {
        failures.set(count);
    }
}
