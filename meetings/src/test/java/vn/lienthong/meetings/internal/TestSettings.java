package vn.lienthong.meetings.internal;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link MeetingsSettings} as Spring binds them from properties, for tests without a context. */
final class TestSettings {

    private TestSettings() {
    }

    static MeetingsSettings of(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lienthong.meetings", MeetingsSettings.class);
    }

    static MeetingsSettings defaults() {
        return of(Map.of());
    }
}
