package vn.lienthong.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/** {@code deploy/compose/compose.yaml}, parsed with SnakeYAML (YAML merge keys resolved), and its neighbours. */
final class Compose {

    static final Path FOLDER = Path.of("compose");
    static final Path FILE = FOLDER.resolve("compose.yaml");
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

    final String text;
    final Map<String, Object> root;

    private Compose(String text, Map<String, Object> root) {
        this.text = text;
        this.root = root;
    }

    static Compose load() {
        try {
            String text = Files.readString(FILE, StandardCharsets.UTF_8);
            Map<String, Object> root = new Yaml().load(text);
            return new Compose(text, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> services() {
        return map(root.get("services"));
    }

    Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    Set<String> declared(String section) {
        return map(root.get(section)).keySet();
    }

    /** A service's environment as a map, whether written as a map or as a list of KEY=VALUE. */
    static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = String.valueOf(entry).split("=", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return result;
    }

    /** Names used as {@code ${NAME...}}; with {@code withoutDefault}, only those without a {@code :-} default. */
    Set<String> interpolatedVariables(boolean withoutDefault) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = INTERPOLATION.matcher(text);
        while (matcher.find()) {
            boolean hasDefault = matcher.group(2).startsWith(":-") || matcher.group(2).startsWith("-");
            if (!withoutDefault || !hasDefault) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Names of the services that run the app image. */
    List<String> appServices() {
        List<String> names = new ArrayList<>();
        services().forEach((name, service) -> {
            if (String.valueOf(map(service).get("image")).startsWith("lienthong/app:")) {
                names.add(name);
            }
        });
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** depends_on as names, whether a list or a map of conditions. */
    static Set<String> dependsOn(Map<String, Object> service) {
        Object value = service.get("depends_on");
        if (value instanceof Map<?, ?> map) {
            Set<String> names = new TreeSet<>();
            map.keySet().forEach(key -> names.add(String.valueOf(key)));
            return names;
        }
        Set<String> names = new TreeSet<>();
        list(value).forEach(name -> names.add(String.valueOf(name)));
        return names;
    }

    /** Network names of a service (list or map form). */
    static Set<String> networks(Map<String, Object> service) {
        Object value = service.get("networks");
        Set<String> names = new TreeSet<>();
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> names.add(String.valueOf(key)));
        } else {
            list(value).forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }

    /** Short-syntax volume entries {@code source:target[:mode]} of a service. */
    static List<String[]> volumes(Map<String, Object> service) {
        List<String[]> volumes = new ArrayList<>();
        for (Object entry : list(service.get("volumes"))) {
            volumes.add(String.valueOf(entry).split(":"));
        }
        return volumes;
    }

    /** Names in a service's secrets or configs (short or long syntax). */
    static Set<String> references(Map<String, Object> service, String key) {
        Set<String> names = new TreeSet<>();
        for (Object entry : list(service.get(key))) {
            names.add(entry instanceof Map<?, ?> map ? String.valueOf(map.get("source")) : String.valueOf(entry));
        }
        return names;
    }

    /** KEY=VALUE lines of an environment file; with {@code includeCommented}, also {@code #KEY=VALUE} lines. */
    static Map<String, String> environmentFile(Path file, boolean includeCommented) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String content = includeCommented && line.matches("#[A-Z][A-Z0-9_]*=.*") ? line.substring(1) : line;
                Matcher matcher = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$").matcher(content);
                if (matcher.matches()) {
                    values.put(matcher.group(1), matcher.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
