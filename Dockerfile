# Builds the jar inside the image, so `docker compose up` needs nothing but this repository.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
# curl: for the container health check against /actuator/health/readiness
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin quizdesk
WORKDIR /app
COPY --from=build /src/target/quizdesk.jar /app/quizdesk.jar
# the app keeps nothing on local disk in the postgres profile; quiz files come from a mounted folder
USER quizdesk
ENV SPRING_PROFILES_ACTIVE=postgres \
    QUIZDESK_QUIZZES_DIR=/quizzes \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/quizdesk.jar"]
