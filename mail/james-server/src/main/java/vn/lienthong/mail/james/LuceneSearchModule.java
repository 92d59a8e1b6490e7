package vn.lienthong.mail.james;

import java.io.File;
import java.io.IOException;

import org.apache.james.events.EventListener;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailbox.lucene.search.LuceneMessageSearchIndex;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/** IMAP SEARCH backed by a Lucene index under {@code var/store/lucene} of the working directory. */
class LuceneSearchModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LuceneMessageSearchIndex.class).in(Scopes.SINGLETON);
        bind(MessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
        bind(ListeningMessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
        Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class)
            .addBinding().to(LuceneMessageSearchIndex.class);
    }

    @Provides
    @Singleton
    Directory luceneDirectory(FileSystem fileSystem) throws IOException {
        File index = new File(fileSystem.getBasedir(), "var/store/lucene");
        if (!index.isDirectory() && !index.mkdirs()) {
            throw new IOException("Cannot create the mailbox search index folder " + index);
        }
        return FSDirectory.open(index);
    }
}
