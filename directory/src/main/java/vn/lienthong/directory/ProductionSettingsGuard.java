package vn.lienthong.directory;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * How a module refuses to start with profile {@code prod} on unsafe settings (development secrets, demo data...):
 * before any other bean is made, naming every setting to fix. A module's guard says what it checks in
 * {@link #problemsIn}; this class does the rest.
 */
public abstract class ProductionSettingsGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private final String whatVietnamese;
    private final String whatEnglish;
    private Environment environment;

    /**
     * @param whatVietnamese what is unsafe, in the refusal's Vietnamese part ("cấu hình Jitsi chưa an toàn")
     * @param whatEnglish    the same in its English part ("unsafe Jitsi settings")
     */
    protected ProductionSettingsGuard(String whatVietnamese, String whatEnglish) {
        this.whatVietnamese = whatVietnamese;
        this.whatEnglish = whatEnglish;
    }

    /** One line per setting to fix, naming the property and its environment variable; empty when all is safe. */
    protected abstract List<String> problemsIn(Environment environment);

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            List<String> problems = problemsIn(environment);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Không khởi động với profile 'prod' vì " + whatVietnamese
                        + " (refusing to start with profile 'prod', " + whatEnglish + "):\n - "
                        + String.join("\n - ", problems));
            }
        }
    }
}
