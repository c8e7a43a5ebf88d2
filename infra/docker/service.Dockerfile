# One image recipe for every service: MODULE is the path of the service's app module.
# Build the jars first: ./mvnw install -DskipTests
FROM eclipse-temurin:25-jre
ARG MODULE
WORKDIR /app
COPY ${MODULE}/target/*-exec.jar app.jar
# extracted: an AOT cache maps classes from plain jars on the class path, not from a jar inside a jar
RUN java -Djarmode=tools -jar app.jar extract --destination extracted && rm app.jar
# the JVM options every service runs with, here and in the local stack and the benchmarks
COPY infra/service-jvm.options jvm.options
COPY --chmod=755 infra/docker/start-service.sh start-service.sh
RUN useradd --system --uid 10001 hourbill && mkdir /aot && chown hourbill /aot
USER hourbill
# /aot: where a deployment mounts the cache trained on a staging month-end (used when present)
ENTRYPOINT ["/app/start-service.sh"]
