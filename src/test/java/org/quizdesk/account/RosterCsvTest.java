package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterCsvTest {

    @Test
    void readsGoodRowsWithRolesAndBlankOptionalFields() {
        RosterCsv.Parsed parsed = RosterCsv.parse("""
                Net ID,Name,Email,Section,Role
                AB1,Ann Bee,ab1@uw.edu,AA,student
                ta9,"Tee, Ay",,,TA
                prof,Pro Fessor,prof@uw.edu,,instructor
                cd2,Cee Dee,cd2@uw.edu,AB,
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(RosterCsv.Row::netId).containsExactly("ab1", "ta9", "prof", "cd2");
        assertThat(parsed.rows()).extracting(RosterCsv.Row::role)
                .containsExactly(Role.STUDENT, Role.TA, Role.INSTRUCTOR, Role.STUDENT);
        RosterCsv.Row ta = parsed.rows().get(1);
        assertThat(ta.fullName()).isEqualTo("Tee, Ay");
        assertThat(ta.email()).isNull();
        assertThat(ta.section()).isNull();
        assertThat(ta.line()).isEqualTo(3);
    }

    @Test
    void reportsEveryBadRowByItsLineEvenAfterAQuotedValueSpanningLines() {
        RosterCsv.Parsed parsed = RosterCsv.parse("""
                net id,name,email,section,role
                ab1,Ann Bee,ab1@uw.edu,AA,student
                ,No Id,x@uw.edu,AA,student
                cd2,"Two
                lines",cd2@uw.edu,AB,ta
                ef3,Eve,not-an-email,AB,professor
                AB1,Ann Again,,AA,
                gh4,Gus

                ij 5,,,,
                """);
        assertThat(parsed.problems()).extracting(RosterCsv.Problem::toString).containsExactly(
                "line 3: the net id is missing",
                "line 6: \"not-an-email\" is not an email address; role \"professor\" is not one of student, ta, instructor",
                "line 7: net id \"ab1\" appears twice (also on line 2)",
                "line 8: expected 5 values, found 2",
                "line 10: net id \"ij 5\" may only hold letters, digits, '.', '_' and '-'; the name is missing");
        assertThat(parsed.rows()).extracting(RosterCsv.Row::netId).containsExactly("ab1", "cd2");
        assertThat(parsed.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void aHeaderMustNameKnownColumnsWithNetIdAndName() {
        assertThat(RosterCsv.parse("netid,name,phone\nab1,Ann,555\n").problems()).extracting(RosterCsv.Problem::toString)
                .containsExactly("line 1: unknown column \"phone\"; the columns are net id, name, email, section, role");
        assertThat(RosterCsv.parse("email,section\na@b.co,AA\n").problems()).extracting(RosterCsv.Problem::toString)
                .containsExactly("line 1: the header has no net id column");
        assertThat(RosterCsv.parse("").problems()).hasSize(1);
        assertThat(RosterCsv.parse("\uFEFFnetid,name\nab1,Ann\n").rows()).hasSize(1);
    }

    @Test
    void columnsMayComeInAnyOrder() {
        List<RosterCsv.Row> rows = RosterCsv.parse("role,email,name,netid\nta,t@uw.edu,Tee,t1\n").rows();
        assertThat(rows).containsExactly(new RosterCsv.Row(2, "t1", "Tee", "t@uw.edu", null, Role.TA));
    }

    @Test
    void aFileInAnotherEncodingIsRefusedAtItsFirstBadLineAndUtf8IsReadWithOrWithoutAByteOrderMark() {
        String text = "net id,name\nab1,Ann\nzo1,Zo\u00eb\nxy2,\u00c5sa\n";
        RosterCsv.Decoded latin1 = RosterCsv.decode(text.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.text()).isNull();
        assertThat(latin1.problem().line()).isEqualTo(3);
        assertThat(latin1.problem().toString()).startsWith("line 3: the file is not UTF-8 text").contains("CSV UTF-8");

        assertThat(RosterCsv.decode(text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
        byte[] utf8 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(RosterCsv.parse(RosterCsv.decode(utf8).text()).rows()).extracting(RosterCsv.Row::fullName)
                .containsExactly("Ann", "Zo\u00eb", "\u00c5sa");
        // a multi-byte character cut off at the end of the file is no more readable than a wrong byte
        assertThat(RosterCsv.decode(new byte[] {'a', '\n', (byte) 0xC3}).problem().line()).isEqualTo(2);
    }
}
