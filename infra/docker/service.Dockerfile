# One image recipe for every service: MODULE is the path of the service's app module.
# Build the jars first: ./mvnw install -DskipTests
FROM eclipse-temurin:25-jre
ARG MODULE
WORKDIR /app
COPY ${MODULE}/target/*-exec.jar app.jar
# the JVM options every service runs with, here and in the local stack and the benchmarks
COPY infra/service-jvm.options jvm.options
RUN useradd --system --uid 10001 hourbill
USER hourbill
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/app.jar"]
