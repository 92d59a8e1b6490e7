package vn.lienthong.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.mock.env.MockEnvironment;

/**
 * What profile {@code prod} insists on, asked of the modules' own production guards: each {@code *ProductionGuard}
 * has a static {@code problems(Environment)}; given an environment with nothing set but the profile, the settings its
 * complaints name are the ones production requires.
 */
final class ProductionRequirements {

    private static final Pattern PROPERTY = Pattern.compile("lienthong\\.[a-z0-9.-]*[a-z0-9]");

    private ProductionRequirements() {
    }

    static List<Class<?>> guards() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(BeanFactoryPostProcessor.class));
        List<Class<?>> guards = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("vn.lienthong")) {
            if (definition.getBeanClassName().endsWith("ProductionGuard")) {
                try {
                    guards.add(Class.forName(definition.getBeanClassName()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return guards;
    }

    /** The properties the guards name when nothing is configured; {@code dataDir} must be a writable folder. */
    @SuppressWarnings("unchecked")
    static Set<String> requiredInProduction(Path dataDir) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        environment.setProperty("lienthong.data-dir", dataDir.toString());
        Set<String> names = new TreeSet<>();
        for (Class<?> guard : guards()) {
            try {
                Method problems = guard.getDeclaredMethod("problems", Environment.class);
                if (!Modifier.isStatic(problems.getModifiers())) {
                    throw new IllegalStateException(guard + ".problems(Environment) is not static");
                }
                problems.setAccessible(true);
                for (String problem : (List<String>) problems.invoke(null, environment)) {
                    Matcher matcher = PROPERTY.matcher(problem);
                    while (matcher.find()) {
                        names.add(matcher.group());
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot ask " + guard.getName() + " what it requires: it needs a static "
                        + "problems(Environment) for the deploy reference", e);
            }
        }
        return names;
    }
}
