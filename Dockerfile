# baton-aws container image.
#
#   docker build -t baton-aws .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/data" -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY \
#       -e AWS_SESSION_TOKEN -e BATON_ROLE_ARN=arn:aws:iam::111111111111:role/BatonConnector baton-aws
#
# The image runs as uid 10001, gid 10001 (user and group "baton"). It writes only to /data (the c1z, BATON_FILE)
# and /tmp (SQLite and zstd native libraries, the c1z work files, JVM perf data), so the root file system can be
# mounted read-only. A bind-mounted directory must be writable by the container's uid: run with
# `-u "$(id -u):$(id -g)"`, or make the directory writable by uid 10001.
#
# Base images are pinned by digest (multi-arch index) so a rebuild gets the same JDK. The digests must be
# refreshed regularly for security fixes: `docker buildx imagetools inspect <image:tag>` prints the current one.

# Build stage: the fat jar, tests skipped (CI runs them before building the image).
FROM maven:3.9-eclipse-temurin-17@sha256:1ed5d1f54416b706707b4f3238f63a20bb06aab27c6d240090a2bb9ad895ed45 AS build
WORKDIR /src
COPY pom.xml .
COPY proto proto
COPY src src
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE with only the CLI.
FROM eclipse-temurin:17-jre@sha256:13cc28a6cc72a38ce1f00c906be3580c1a3e604b8984d694f369a96742abc93b
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="baton-aws" \
      org.opencontainers.image.description="Syncs AWS IAM, Organizations and IAM Identity Center into a baton c1z file" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/REPLACE-WITH-OWNER/baton-aws"
RUN groupadd --system --gid 10001 baton \
    && useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home baton \
    && mkdir -p /data && chown 10001:10001 /data && chmod 0770 /data
COPY --from=build /src/target/baton-aws.jar /opt/baton-aws/baton-aws.jar
# An AppCDS archive of the classes start-up loads (listed by a --help run) plus the JDK's default list (this archive
# replaces the default one), made with this image's JVM: start-up is mostly class loading and verification. The
# JVM ignores the archive if jar or JVM ever differ from these.
RUN java -Xshare:off -XX:DumpLoadedClassList=/tmp/baton-aws.classes -jar /opt/baton-aws/baton-aws.jar --help \
        >/dev/null \
    && { [ ! -f "$JAVA_HOME/lib/classlist" ] || cat "$JAVA_HOME/lib/classlist" >>/tmp/baton-aws.classes; } \
    && java -Xshare:dump -XX:SharedClassListFile=/tmp/baton-aws.classes \
        -XX:SharedArchiveFile=/opt/baton-aws/baton-aws.jsa -cp /opt/baton-aws/baton-aws.jar >/dev/null \
    && rm /tmp/baton-aws.classes
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
ENV BATON_FILE=/data/sync.c1z
# MaxRAMPercentage: the JVM's default heap is 25% of the container's memory limit; a sync keeps most of its data in
# SQLite off-heap, so 75% leaves room for that and for native memory. Override with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
    "-Xshare:auto", "-XX:SharedArchiveFile=/opt/baton-aws/baton-aws.jsa", "-jar", "/opt/baton-aws/baton-aws.jar"]
