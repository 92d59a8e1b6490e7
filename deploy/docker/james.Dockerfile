# syntax=docker/dockerfile:1
# Liên Thông's durable James (the same server the app embeds: our Guice wiring over James 3.8.1's published libraries,
# JPA on Derby, Lucene, ActiveMQ/KahaDB, with SubmissionIdentityHook and the ArchiveSpool mailet), run as its own
# container for the app's external mail mode. Build context: the repository root, after
# `./mvnw -B install -DskipTests -pl mail -am` (which builds mail/james-server/target/lienthong-james-runtime.zip).
FROM eclipse-temurin:17-jre

RUN apt-get update \
 && apt-get install -y --no-install-recommends curl openssl unzip \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 lienthong \
 && useradd --system --uid 10001 --gid lienthong --home-dir /srv/james --shell /usr/sbin/nologin lienthong \
 && mkdir -p /srv/james/var /srv/lienthong/mail-spool \
 && chown -R lienthong:lienthong /srv/james /srv/lienthong

COPY mail/james-server/target/lienthong-james-runtime.zip /tmp/james-runtime.zip
RUN unzip -q /tmp/james-runtime.zip -d /opt/james && rm /tmp/james-runtime.zip && test -d /opt/james/lib
# The mail module's own templates, rendered at every start by james-entrypoint.sh: one source for the embedded and
# the containerised James.
COPY mail/src/main/resources/vn/lienthong/mail/internal/james-conf/ /opt/james/conf-templates/
COPY deploy/docker/james/ /opt/james/bin/
RUN chmod 755 /opt/james/bin/*.sh

USER lienthong
WORKDIR /srv/james
ENV TZ=Asia/Ho_Chi_Minh
EXPOSE 2525 1143 8000 1587 1993
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS http://127.0.0.1:8000/healthcheck >/dev/null || exit 1
ENTRYPOINT ["/opt/james/bin/james-entrypoint.sh"]
