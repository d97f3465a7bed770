package org.quizdesk.interchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A content package (a zip with {@code imsmanifest.xml}) read into memory with limits: entries are never written
 * to disk, and a name that climbs out of the package ("zip slip": {@code ../}, an absolute path) refuses the whole
 * package, as do too many entries or too many bytes (a zip bomb).
 */
final class ZipPackage {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

    private final Map<String, byte[]> entries;

    private ZipPackage(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static ZipPackage read(byte[] zip, String fileName) throws ImportException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (unsafe(name)) {
                    throw new ImportException(fileName, "entry " + name, "the entry's name leads out of the package "
                            + "(an absolute path or \"..\"): the package is refused");
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new ImportException(fileName, "entry " + name, "more than " + MAX_ENTRIES + " entries");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readLimited(in, fileName, name);
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new ImportException(fileName, "entry " + name, "the package unpacks to more than "
                            + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
                }
                entries.put(name, content);
            }
        } catch (ZipException e) {
            throw new ImportException(fileName, "the file", "not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new ImportException(fileName, "the file", "cannot read the zip file: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new ImportException(fileName, "the file", "not a zip file, or an empty one");
        }
        return new ZipPackage(entries);
    }

    private static boolean unsafe(String name) {
        String normal = name.replace('\\', '/');
        return normal.startsWith("/") || normal.matches("^[A-Za-z]:.*") || ("/" + normal + "/").contains("/../");
    }

    private static byte[] readLimited(InputStream in, String fileName, String name) throws IOException, ImportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > MAX_ENTRY_BYTES) {
                throw new ImportException(fileName, "entry " + name, "the entry unpacks to more than "
                        + MAX_ENTRY_BYTES / (1024 * 1024) + " MB");
            }
        }
        return out.toByteArray();
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    byte[] get(String name) {
        return entries.get(name);
    }

    /** A path relative to another entry's folder, as manifests and items write them ("../images/a.png" too). */
    static String resolve(String base, String href) {
        String folder = base.contains("/") ? base.substring(0, base.lastIndexOf('/') + 1) : "";
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : (folder + href).split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
