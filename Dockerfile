# Builds the jar inside the image, so `docker compose up` needs nothing but this repository.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/quizdesk.jar /app/quizdesk.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/quizdesk.jar"]
