package vn.lienthong.mail.james;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * One OpenJPA entity manager factory for every JPA store (mailboxes, users, domains, aliases, sieve, mail
 * repositories, quotas). The connection comes from {@code conf/james-database.properties}; the entity list
 * is our {@code META-INF/persistence.xml} (unit {@value #UNIT}).
 */
class JpaPersistenceModule extends AbstractModule {

    static final String UNIT = "lienthong-james";

    @Provides
    @Singleton
    EntityManagerFactory entityManagerFactory(PropertiesProvider properties) throws Exception {
        Configuration database = properties.getConfiguration("james-database");
        Map<String, String> settings = new HashMap<>();
        settings.put("openjpa.ConnectionDriverName", database.getString("database.driverClassName"));
        settings.put("openjpa.ConnectionURL", database.getString("database.url"));
        String user = database.getString("database.username", null);
        if (user != null) {
            settings.put("openjpa.ConnectionUserName", user);
            settings.put("openjpa.ConnectionPassword", database.getString("database.password", ""));
        }
        return Persistence.createEntityManagerFactory(UNIT, settings);
    }
}
