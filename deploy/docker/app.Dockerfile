# syntax=docker/dockerfile:1
# The Liên Thông app: the Spring Boot jar that `./mvnw -B package -DskipTests` builds as app/target/lienthong.jar.
# Build context: the repository root (deploy/compose/compose.yaml sets it).
FROM eclipse-temurin:17-jre

# curl for the health check; one unprivileged user (uid 10001, the same as in the James image, so that both may
# write the shared mail spool).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 lienthong \
 && useradd --system --uid 10001 --gid lienthong --home-dir /srv/lienthong --shell /usr/sbin/nologin lienthong \
 && mkdir -p /srv/lienthong/data/james/keys /srv/lienthong/mail-spool /srv/lienthong/shared/meetings-documents \
 && chown -R lienthong:lienthong /srv/lienthong

COPY app/target/lienthong.jar /opt/lienthong/lienthong.jar

USER lienthong
WORKDIR /srv/lienthong
ENV LIENTHONG_DATA=/srv/lienthong/data \
    SERVER_ADDRESS=0.0.0.0 \
    TZ=Asia/Ho_Chi_Minh \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Ho_Chi_Minh -Dfile.encoding=UTF-8"
EXPOSE 8080
# Readiness, not the full health: a mail outage must not take the web pages out of the proxy's pool.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=5 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/opt/lienthong/lienthong.jar"]
