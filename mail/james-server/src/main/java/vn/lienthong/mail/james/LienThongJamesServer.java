package vn.lienthong.mail.james;

import org.apache.james.ExtraProperties;
import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerMain;
import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.mailbox.DefaultEventModule;
import org.apache.james.modules.mailbox.MemoryDeadLetterModule;
import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.server.DataRoutesModules;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.InconsistencyQuotasSolvingRoutesModule;
import org.apache.james.modules.server.MailQueueRoutesModule;
import org.apache.james.modules.server.MailRepositoriesRoutesModule;
import org.apache.james.modules.server.MailboxRoutesModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.modules.server.WebAdminServerModule;
import org.apache.james.server.core.configuration.Configuration;

import com.google.inject.Module;
import com.google.inject.util.Modules;

/**
 * Entry point of Liên Thông's durable James: James's published server modules (SMTP, IMAP, WebAdmin, mailet
 * container) over our own storage wiring (JPA on Derby, Lucene, ActiveMQ/KahaDB).
 *
 * <p>Run as its own JVM: {@code java -Dworking.directory=DIR -cp 'lib/*' vn.lienthong.mail.james.LienThongJamesServer},
 * with {@code DIR/conf} written by the app. POP3, LMTP, ManageSieve, JMAP and JMX are not wired at all.
 */
public final class LienThongJamesServer {

    static final Module PROTOCOLS = Modules.combine(
        new ProtocolHandlerModule(),
        new SMTPServerModule(),
        new IMAPServerModule());

    static final Module WEBADMIN = Modules.combine(
        new WebAdminServerModule(),
        new DataRoutesModules(),
        new MailboxRoutesModule(),
        new InconsistencyQuotasSolvingRoutesModule(),
        new MailQueueRoutesModule(),
        new MailRepositoriesRoutesModule(),
        // JMAP is not wired: WebAdmin's JWT comes from webadmin.properties, never from JMAP.
        new NoJwtModule());

    static final Module STORAGE = Modules.combine(
        new JpaPersistenceModule(),
        new JpaDataModule(),
        new AppPasswordModule(),
        new JpaMailboxModule(),
        new LuceneSearchModule(),
        new ActiveMqQueueModule());

    static final Module CORE = Modules.combine(
        new MailboxModule(),
        new MailetProcessingModule(),
        new DefaultProcessorsConfigurationProviderModule(),
        new DefaultEventModule(),
        new MemoryDeadLetterModule(),
        new TaskManagerModule(),
        new RawPostDequeueDecoratorModule(),
        new NaiveDelegationStoreModule());

    private LienThongJamesServer() {
    }

    public static void main(String[] args) throws Exception {
        exitWithParent();
        ExtraProperties.initialize();
        Configuration configuration = Configuration.builder()
            .useWorkingDirectoryEnvProperty()
            .build();
        JamesServerMain.main(createServer(configuration));
    }

    /**
     * Started by the app with {@code -Dlienthong.parent.pid}: if the app dies without stopping us (kill -9, crash),
     * stop too, through the normal shutdown hook, instead of holding the ports and Derby's lock.
     */
    private static void exitWithParent() {
        String parent = System.getProperty("lienthong.parent.pid");
        if (parent == null || parent.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent.strip())).ifPresentOrElse(
            app -> app.onExit().thenRun(() -> System.exit(0)),
            () -> System.exit(0));
    }

    static GuiceJamesServer createServer(Configuration configuration) {
        return GuiceJamesServer.forConfiguration(configuration)
            .combineWith(CORE, STORAGE, PROTOCOLS, WEBADMIN);
    }
}
