# One image recipe for every service: MODULE is the path of the service's app module.
# Build the jars first: ./mvnw install -DskipTests
FROM eclipse-temurin:25-jre
ARG MODULE
WORKDIR /app
COPY ${MODULE}/target/*-exec.jar app.jar
RUN useradd --system --uid 10001 hourbill
USER hourbill
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
