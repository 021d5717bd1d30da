# Build stage: compile, test-free package of the fat jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY proto proto
COPY src src
RUN mvn -B -q package -DskipTests

# Runtime stage: a slim JRE with only the CLI.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data baton && mkdir -p /data && chown baton /data
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
USER baton
WORKDIR /data
ENV BATON_FILE=/data/sync.c1z
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xshare:auto", \
    "-XX:SharedArchiveFile=/opt/baton-aws/baton-aws.jsa", "-jar", "/opt/baton-aws/baton-aws.jar"]
