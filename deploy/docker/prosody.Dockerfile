# syntax=docker/dockerfile:1
# docker-jitsi-meet's Prosody with the event_sync component loadable. The image carries the jitsi-contrib module
# (mod_event_sync_component.lua) but in a folder Prosody's module search does not look into; copying it next to the
# stock modules makes `Component "event_sync..." "event_sync_component"` work. Nothing else changes.
ARG JITSI_IMAGE_VERSION
FROM jitsi/prosody:${JITSI_IMAGE_VERSION}
RUN module="$(find /prosody-plugins-contrib /prosody-plugins-custom /usr/share -name mod_event_sync_component.lua -print -quit 2>/dev/null)" \
 && if [ -z "$module" ]; then \
      echo "mod_event_sync_component.lua is not in this jitsi/prosody image: put it (jitsi-contrib/prosody-plugins, event_sync) into deploy/compose/prosody/ and COPY it instead" >&2; \
      exit 1; \
    fi \
 && cp "$module" /prosody-plugins/mod_event_sync_component.lua
