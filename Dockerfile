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
USER baton
WORKDIR /data
ENV BATON_FILE=/data/sync.c1z
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/opt/baton-aws/baton-aws.jar"]
