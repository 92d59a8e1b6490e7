package vn.lienthong.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * The settings the application really has, read from where they are defined: every {@code @ConfigurationProperties}
 * record of the modules (names by Spring Boot's kebab-case rule, defaults from {@code @DefaultValue}, descriptions
 * from the records' {@code @param} Javadoc in the module sources), the suite-wide keys and the {@code ${VARIABLE}}
 * placeholders of the app's {@code application*.yml}. The modules' generated configuration metadata, where a module
 * has the configuration processor, is read too and must agree.
 */
final class AppProperties {

    /** The repository root, seen from the deploy module (where Maven runs its tests). */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path APP_RESOURCES = REPOSITORY.resolve("app/src/main/resources");

    /**
     * Keys of application.yml that no settings record declares (read with {@code @Value}); their meaning, by hand.
     */
    private static final Map<String, String> SUITE_KEYS = Map.of(
            "lienthong.data-dir", "All embedded state: H2 database, identity keys, James, search index, meeting "
                    + "documents.",
            "lienthong.base-url", "The public address of the suite as browsers see it (links in mail, OIDC "
                    + "redirects, the embedded identity provider's issuer).",
            "lienthong.time-zone", "The suite's time zone for dates shown on pages.");

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)(?::(.*))?}$");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /**
     * One setting.
     *
     * @param name         the canonical (kebab-case) name, {@code lienthong.mail.smtp-port}
     * @param module       the module that declares it ({@code app} for the suite-wide keys)
     * @param type         the Java type, simple name
     * @param defaultValue the default the shipped app runs with (application.yml wins over the record), or empty
     * @param placeholder  the environment variable application.yml reads it from, if it names one
     * @param description  from the record's Javadoc
     * @param multiValued  a list or a map (set from the environment as a comma-separated value, or indexed)
     */
    record Property(String name, String module, String type, Optional<String> defaultValue,
                    Optional<String> placeholder, String description, boolean multiValued) {

        /** The environment variable in Spring Boot's readable form: dots and dashes become underscores. */
        String environmentVariable() {
            return placeholder.orElse(name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        }
    }

    private final Map<String, Property> properties;
    private final Set<String> ymlPlaceholders;
    private final Map<String, Map<String, Object>> profileValues;
    private final Set<String> metadataNames;

    private AppProperties(Map<String, Property> properties, Set<String> ymlPlaceholders,
                          Map<String, Map<String, Object>> profileValues, Set<String> metadataNames) {
        this.properties = properties;
        this.ymlPlaceholders = ymlPlaceholders;
        this.profileValues = profileValues;
        this.metadataNames = metadataNames;
    }

    private static AppProperties loaded;

    static synchronized AppProperties load() {
        if (loaded == null) {
            loaded = read();
        }
        return loaded;
    }

    Collection<Property> all() {
        return properties.values();
    }

    Optional<Property> find(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** {@code ${VARIABLE}} names the app's own application*.yml files read. */
    Set<String> ymlPlaceholders() {
        return ymlPlaceholders;
    }

    /** The {@code lienthong.*} values a profile file (application-&lt;profile&gt;.yml) sets. */
    Map<String, Map<String, Object>> profileValues() {
        return profileValues;
    }

    /** Names in the configuration metadata the modules generated (only modules with the configuration processor). */
    Set<String> metadataNames() {
        return metadataNames;
    }

    /**
     * Whether setting this environment variable reaches a property of the app: by Spring Boot's relaxed binding of
     * environment variables (the same machinery the app uses), or because an application*.yml reads it by name.
     */
    boolean binds(String variable) {
        if (ymlPlaceholders.contains(variable)) {
            return true;
        }
        ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value")));
        for (Property property : properties.values()) {
            ConfigurationPropertyName name = ConfigurationPropertyName.of(property.name());
            if (source.getConfigurationProperty(name) != null) {
                return true;
            }
            if (property.multiValued() && source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    // --- Reading -------------------------------------------------------------------------------------------------

    private static AppProperties read() {
        Map<String, Object> yml = flatten(readYaml(APP_RESOURCES.resolve("application.yml")));
        Map<String, Property> properties = new LinkedHashMap<>();
        for (Class<?> settings : settingsRecords()) {
            ConfigurationProperties annotation = AnnotatedElementUtils.findMergedAnnotation(settings,
                    ConfigurationProperties.class);
            walk(annotation.prefix(), settings, moduleOf(settings), yml, properties);
        }
        for (Map.Entry<String, String> key : SUITE_KEYS.entrySet()) {
            Object value = yml.get(key.getKey());
            if (value == null) {
                throw new IllegalStateException(key.getKey() + " is no longer in application.yml: update AppProperties");
            }
            properties.put(key.getKey(), new Property(key.getKey(), "app", "String", ymlDefault(value),
                    ymlPlaceholder(value), key.getValue(), false));
        }
        for (String key : yml.keySet()) {
            if (key.startsWith("lienthong.") && !properties.containsKey(key)) {
                throw new IllegalStateException("application.yml sets " + key + ", which no settings record declares "
                        + "and AppProperties.SUITE_KEYS does not describe");
            }
        }
        Map<String, Property> sorted = new LinkedHashMap<>();
        properties.values().stream().sorted(Comparator.comparing(Property::name))
                .forEach(property -> sorted.put(property.name(), property));

        Set<String> placeholders = new TreeSet<>();
        Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
        try (var files = Files.list(APP_RESOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application(-[a-z0-9]+)?\\.yml"))
                    .sorted().toList()) {
                Matcher matcher = ANY_PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    placeholders.add(matcher.group(1));
                }
                String name = file.getFileName().toString();
                if (!name.equals("application.yml")) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    flatten(readYaml(file)).forEach((key, value) -> {
                        if (key.startsWith("lienthong.")) {
                            values.put(key, value);
                        }
                    });
                    profiles.put(name.substring("application-".length(), name.length() - ".yml".length()), values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AppProperties(sorted, placeholders, profiles, readMetadataNames());
    }

    /** Every {@code @ConfigurationProperties} record under {@code vn.lienthong} on the class path. */
    static List<Class<?>> settingsRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("vn.lienthong")) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                if (!type.isRecord()) {
                    throw new IllegalStateException(type + " is not a record: AppProperties reads records only");
                }
                records.add(type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        records.sort(Comparator.comparing(Class::getName));
        return records;
    }

    private static void walk(String prefix, Class<?> record, String module, Map<String, Object> yml,
                             Map<String, Property> into) {
        Map<String, String> descriptions = Javadoc.parameters(record);
        RecordComponent[] components = record.getRecordComponents();
        Parameter[] parameters = canonicalConstructor(record).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix + "." + kebab(component.getName());
            Class<?> type = component.getType();
            if (type.isRecord() && type.getName().startsWith("vn.lienthong.")) {
                walk(name, type, module, yml, into);
                continue;
            }
            // @DefaultValue targets parameters: it sits on the canonical constructor's, not on the component.
            DefaultValue annotation = parameters[i].getAnnotation(DefaultValue.class);
            Optional<String> recordDefault = annotation == null || annotation.value().length == 0 ? Optional.empty()
                    : Optional.of(String.join(",", annotation.value())).filter(value -> !value.isEmpty());
            Object ymlValue = yml.get(name);
            Optional<String> defaultValue = ymlValue != null ? ymlDefault(ymlValue) : recordDefault;
            boolean multiValued = Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                    || type.isArray();
            into.put(name, new Property(name, module, type.getSimpleName(), defaultValue,
                    ymlValue == null ? Optional.empty() : ymlPlaceholder(ymlValue),
                    descriptions.getOrDefault(component.getName(), ""), multiValued));
        }
    }

    private static Constructor<?> canonicalConstructor(Class<?> record) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return record.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String moduleOf(Class<?> type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "app";
    }

    private static Optional<String> ymlPlaceholder(Object value) {
        Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> ymlDefault(Object value) {
        Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
        if (matcher.matches()) {
            return Optional.ofNullable(matcher.group(2)).filter(text -> !text.isEmpty());
        }
        return Optional.of(String.valueOf(value));
    }

    static Map<String, Object> readYaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> map = new Yaml().load(in);
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {a: {b: 1}}} → {@code {"a.b": 1}}; lists stay values. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> flatten(Map<String, Object> map) {
        Map<String, Object> flat = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten((Map<String, Object>) nested).forEach((inner, innerValue) ->
                        flat.put(key + "." + inner, innerValue));
            } else {
                flat.put(key, value);
            }
        });
        return flat;
    }

    private static Set<String> readMetadataNames() {
        Set<String> names = new TreeSet<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/spring-configuration-metadata.json");
            ObjectMapper json = new ObjectMapper();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    for (JsonNode property : properties) {
                        String name = property.path("name").asText();
                        if (name.startsWith("lienthong.")) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The {@code @param} texts of a record's Javadoc, read from the module's source file. */
    static final class Javadoc {

        private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=@param\\s|@return\\s|@see\\s|\\z)",
                Pattern.DOTALL);

        private Javadoc() {
        }

        static Map<String, String> parameters(Class<?> record) {
            Class<?> top = record;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            Path source = REPOSITORY.resolve(moduleOf(top)).resolve("src/main/java")
                    .resolve(top.getName().replace('.', '/') + ".java");
            if (!Files.isRegularFile(source)) {
                return Map.of();
            }
            String text;
            try {
                text = Files.readString(source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher declaration = Pattern.compile("\\brecord\\s+" + record.getSimpleName() + "\\s*\\(").matcher(text);
            if (!declaration.find()) {
                return Map.of();
            }
            int end = text.lastIndexOf("*/", declaration.start());
            int start = end < 0 ? -1 : text.lastIndexOf("/**", end);
            if (start < 0 || text.substring(end + 2, declaration.start()).matches("(?s).*[;{}].*")) {
                return Map.of();
            }
            String comment = text.substring(start + 3, end).replaceAll("(?m)^\\s*\\*\\s?", "");
            Map<String, String> parameters = new LinkedHashMap<>();
            Matcher param = PARAM.matcher(comment);
            while (param.find()) {
                parameters.put(param.group(1), clean(param.group(2)));
            }
            return parameters;
        }

        private static String clean(String text) {
            return text.replaceAll("\\{@(?:code|literal)\\s+((?:[^{}]|\\{[^{}]*})*)}", "`$1`")
                    .replaceAll("\\{@link(?:plain)?\\s+(?:[\\w.]*#)?([\\w.()]+)(?:\\s+([^}]*))?}", "$1")
                    .replaceAll("</?(?:p|br|em|strong|b|i)\\s*/?>", "")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                    .replaceAll("\\s+", " ")
                    .strip();
        }
    }
}
