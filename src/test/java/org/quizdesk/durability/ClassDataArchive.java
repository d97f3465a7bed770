package org.quizdesk.durability;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * The java command that starts target/quizdesk.jar from a class-data archive (CDS), as scripts/run-fast does: the JVM
 * maps the classes a start loads instead of reading and verifying them from the jar again, which halves the ITs'
 * twenty-odd starts. On Java 25 and later the archive is the JVM's AOT cache (classes loaded and linked too). The
 * archive is made once per build in target/it-cds/ (again when the jar is newer or the java another), under a file
 * lock so two JVMs asking at once make it once. Where it cannot be made, the plain jar runs; where the JVM cannot use
 * it, the JVM starts without it ({@code -Xshare:auto}, the default). {@code -Dit.cds=false} runs the plain jar
 * everywhere (to compare); {@code -Dit.java=/path/to/bin/java} runs the app on another JDK than the PATH's.
 */
final class ClassDataArchive {

    /** The java that runs the app (the tests' own JVM may be another). */
    static final String JAVA = System.getProperty("it.java", "java");

    private static final Path JAR = Path.of("target/quizdesk.jar").toAbsolutePath();
    private static final Path DIR = Path.of("target/it-cds").toAbsolutePath();
    private static final Path MADE_BY = DIR.resolve("java.txt");
    private static Path archive;
    private static String useArchive;
    private static final Path EXTRACTED_JAR = DIR.resolve("quizdesk.jar");

    private ClassDataArchive() {
    }

    /** java, the options, then -jar and the jar to run: from the archive where there is one, else the plain jar. */
    static synchronized List<String> javaCommand(List<String> javaOptions) {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(javaOptions);
        if (Boolean.parseBoolean(System.getProperty("it.cds", "true")) && ready()) {
            command.addAll(List.of(useArchive + archive, "-jar", EXTRACTED_JAR.toString()));
        } else {
            command.addAll(plainJar());
        }
        return command;
    }

    /** -jar target/quizdesk.jar: for the IT that proves something about the jar as users start it. */
    static List<String> plainJar() {
        return List.of("-jar", JAR.toString());
    }

    private static boolean ready() {
        try {
            Files.createDirectories(DIR.getParent());
            try (FileChannel lockFile = FileChannel.open(DIR.getParent().resolve("it-cds.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                boolean aotCache = takesAotCacheOutput();
                archive = DIR.resolve(aotCache ? "quizdesk.aot" : "quizdesk.jsa");
                useArchive = aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
                if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(JAR)) > 0
                        && Files.isRegularFile(MADE_BY) && Files.readString(MADE_BY).equals(JAVA)) {
                    return true;
                }
                make(aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=");
                return true;
            }
        } catch (Exception failed) {
            System.err.println("No class-data archive (" + failed.getMessage() + "); the ITs start the plain jar");
            return false;
        }
    }

    /** Whether the java makes an AOT cache in one training run (Java 25 and later). */
    private static boolean takesAotCacheOutput() throws Exception {
        Process probe = new ProcessBuilder(JAVA, "-XX:AOTCacheOutput=probe.aot", "-XX:AOTMode=off", "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    private static void make(String makeArchive) throws Exception {
        long started = System.nanoTime();
        FileSystemUtils.deleteRecursively(DIR);
        Files.createDirectories(DIR);
        run(DIR, List.of(JAVA, "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--destination", DIR.toString(),
                "--force"), DIR.resolve("extract.log"));
        Path training = Files.createTempDirectory("quizdesk-cds-training");
        Path unfinished = DIR.resolve("unfinished-" + archive.getFileName());
        try {
            // the start the ITs make (demo profile, the seed quizzes), up to a refreshed context, then exit: no port
            run(training, List.of(JAVA, "-Xmx512m", makeArchive + unfinished,
                    "-Dspring.context.exit=onRefresh", "-jar", EXTRACTED_JAR.toString(),
                    "--spring.profiles.active=demo", "--quizdesk.accounts.instructor-password=cds-training",
                    "--quizdesk.quizzes.dir=" + Path.of("quizzes").toAbsolutePath(), "--server.port=0"),
                    DIR.resolve("training.log"));
        } finally {
            FileSystemUtils.deleteRecursively(training);
        }
        if (!Files.isRegularFile(unfinished)) {
            throw new IllegalStateException("the training run wrote no archive; see " + DIR.resolve("training.log"));
        }
        // whole or not at all: a JVM that finds the archive finds a finished one
        Files.move(unfinished, archive, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(MADE_BY, JAVA);
        System.out.printf("Class-data archive for the ITs made in %d ms: %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), archive);
    }

    private static void run(Path directory, List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 300 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited with " + process.exitValue() + "; see " + log);
        }
    }

}
