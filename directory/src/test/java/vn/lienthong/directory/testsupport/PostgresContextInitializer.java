package vn.lienthong.directory.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context's data source at the shared {@link LocalPostgres}. Use it through
 * {@code @ContextConfiguration(initializers = PostgresContextInitializer.class)}: every test class with the same
 * configuration then shares one context (and one server).
 */
public class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        LocalPostgres postgres = LocalPostgres.get();
        TestPropertyValues.of(
                "spring.datasource.url=" + postgres.jdbcUrl(),
                "spring.datasource.username=" + postgres.username(),
                "spring.datasource.password=" + postgres.password(),
                "spring.datasource.driver-class-name=org.postgresql.Driver"
        ).applyTo(context);
    }
}
