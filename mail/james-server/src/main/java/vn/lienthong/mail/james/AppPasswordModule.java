package vn.lienthong.mail.james;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.jpa.JPAUsersRepository;
import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/**
 * App passwords: the users repository that accepts them (for IMAP and SMTP AUTH alike) and the WebAdmin routes the
 * app manages them with. They live in {@code <working dir>/var/store/app-passwords.json}.
 */
class AppPasswordModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(AppPasswordRoutes.class);
    }

    @Provides
    @Singleton
    AppPasswordStore appPasswordStore(JamesDirectoriesProvider directories) {
        return new AppPasswordStore(Path.of(directories.getVarDirectory(), "store", "app-passwords.json"),
            Clock.systemUTC());
    }

    @Provides
    @Singleton
    UsersRepository usersRepository(JPAUsersRepository jpa, AppPasswordStore appPasswords) {
        return new AppPasswordUsersRepository(jpa, appPasswords);
    }
}
