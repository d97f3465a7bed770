package org.quizdesk.account;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a roster CSV (net id, name, email, section, role; a header row names the columns, in any order) into rows,
 * with every problem reported by its line number. Pure: no database.
 */
public final class RosterCsv {

    private static final Map<String, String> HEADER_NAMES = Map.ofEntries(
            Map.entry("net id", "netid"), Map.entry("netid", "netid"), Map.entry("net_id", "netid"),
            Map.entry("username", "netid"), Map.entry("name", "name"), Map.entry("full name", "name"),
            Map.entry("full_name", "name"), Map.entry("email", "email"), Map.entry("e-mail", "email"),
            Map.entry("section", "section"), Map.entry("role", "role"));
    private static final List<String> COLUMNS = List.of("netid", "name", "email", "section", "role");

    private RosterCsv() {
    }

    /** One good row; line is the line of the file it starts on. */
    public record Row(int line, String netId, String fullName, String email, String section, Role role) {
    }

    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    public record Parsed(List<Row> rows, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A file's text, or why it cannot be read. */
    public record Decoded(String text, Problem problem) {
    }

    /**
     * Reads an uploaded file as UTF-8 (a byte-order mark is fine). Anything else is refused rather than read with
     * replacement characters, which would put broken names into accounts; the problem names the first bad line.
     */
    public static Decoded decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return new Decoded(null, new Problem(line, "the file is not UTF-8 text (it was saved in another encoding, such as "
                    + "Windows-1252 or Latin-1); nothing was read. In Excel use Save As \u201cCSV UTF-8 (comma delimited)\u201d, "
                    + "in other programs choose the UTF-8 encoding, and upload it again"));
        }
        return new Decoded(out.flip().toString(), null);
    }

    public static Parsed parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LineIndex lines = new LineIndex(csv);
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get())) {
            Map<String, Integer> columns = null;
            Map<String, Integer> firstLineOf = new HashMap<>();
            for (CSVRecord record : parser) {
                int line = lines.lineAt(record.getCharacterPosition());
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (columns == null) {
                    columns = header(record, line, problems);
                    if (columns == null) {
                        return new Parsed(List.of(), problems);
                    }
                    continue;
                }
                Row row = row(record, line, columns, problems);
                if (row != null) {
                    Integer first = firstLineOf.putIfAbsent(row.netId(), line);
                    if (first != null) {
                        problems.add(new Problem(line, "net id \"" + row.netId() + "\" appears twice (also on line " + first + ")"));
                    } else {
                        rows.add(row);
                    }
                }
            }
            if (columns == null) {
                problems.add(new Problem(1, "the file is empty; the first line must name the columns: net id, name, email, section, role"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports a broken quote this way
            problems.add(new Problem(lines.lineCount(), "the CSV cannot be read: " + e.getMessage()));
        }
        return new Parsed(rows, problems);
    }

    private static Map<String, Integer> header(CSVRecord record, int line, List<Problem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = HEADER_NAMES.get(record.get(i).strip().toLowerCase(Locale.ROOT));
            if (name == null) {
                problems.add(new Problem(line, "unknown column \"" + record.get(i) + "\"; the columns are net id, name, email, section, role"));
                return null;
            }
            if (columns.put(name, i) != null) {
                problems.add(new Problem(line, "column \"" + record.get(i) + "\" appears twice"));
                return null;
            }
        }
        for (String required : List.of("netid", "name")) {
            if (!columns.containsKey(required)) {
                problems.add(new Problem(line, "the header has no " + (required.equals("netid") ? "net id" : "name") + " column"));
                return null;
            }
        }
        return columns;
    }

    private static Row row(CSVRecord record, int line, Map<String, Integer> columns, List<Problem> problems) {
        int expected = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (record.size() != expected) {
            problems.add(new Problem(line, "expected " + expected + " values, found " + record.size()));
            return null;
        }
        List<String> wrong = new ArrayList<>();
        String netId = value(record, columns, "netid").toLowerCase(Locale.ROOT);
        if (netId.isEmpty()) {
            wrong.add("the net id is missing");
        } else if (!Account.isNetId(netId)) {
            wrong.add("net id \"" + netId + "\" may only hold letters, digits, '.', '_' and '-'");
        }
        String name = value(record, columns, "name");
        if (name.isEmpty()) {
            wrong.add("the name is missing");
        } else if (name.length() > Account.MAX_NAME_LENGTH) {
            wrong.add("the name is longer than 200 characters");
        }
        String email = value(record, columns, "email");
        if (!email.isEmpty() && !Account.isEmail(email)) {
            wrong.add("\"" + email + "\" is not an email address");
        }
        String section = value(record, columns, "section");
        if (section.length() > 50) {
            wrong.add("the section is longer than 50 characters");
        }
        String roleText = value(record, columns, "role");
        Role role = Role.STUDENT;
        if (!roleText.isEmpty()) {
            try {
                role = Role.valueOf(roleText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                wrong.add("role \"" + roleText + "\" is not one of student, ta, instructor");
            }
        }
        if (!wrong.isEmpty()) {
            problems.add(new Problem(line, String.join("; ", wrong)));
            return null;
        }
        return new Row(line, netId, name, email.isEmpty() ? null : email, section.isEmpty() ? null : section, role);
    }

    private static String value(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : record.get(index).strip();
    }

    /** Character offsets to 1-based line numbers, so a quoted value spanning lines does not shift later numbers. */
    private static final class LineIndex {
        private final List<Long> starts = new ArrayList<>();

        LineIndex(String text) {
            starts.add(0L);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add((long) i + 1);
                }
            }
        }

        int lineAt(long offset) {
            int low = 0;
            int high = starts.size() - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (starts.get(mid) <= offset) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return low + 1;
        }

        int lineCount() {
            return starts.size();
        }
    }
}
