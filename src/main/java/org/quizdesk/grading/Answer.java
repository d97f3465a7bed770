package org.quizdesk.grading;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** A student's answer to one question, typed by the kind of question it answers. */
public sealed interface Answer {

    /** True or False was filled in. */
    record TrueFalse(boolean value) implements Answer {
    }

    /** The option keys selected; sorted so that equal selections are equal values. */
    record Selection(SortedSet<String> keys) implements Answer {
        public Selection {
            keys = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(keys, "keys")));
        }

        public static Selection of(String... keys) {
            return new Selection(new TreeSet<>(Arrays.asList(keys)));
        }

        public boolean isEmpty() {
            return keys.isEmpty();
        }
    }

    /** Free text, kept as the student typed it; matching normalises it. */
    record Text(String value) implements Answer {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        /** Blank after trimming: the same as no answer. */
        public boolean isBlank() {
            return value.strip().isEmpty();
        }
    }
}
