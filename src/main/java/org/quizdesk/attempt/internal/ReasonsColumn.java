package org.quizdesk.attempt.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A score's reasons, a list of sentences, kept in one text column as a JSON array. */
@Converter
class ReasonsColumn implements AttributeConverter<List<String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(List<String> reasons) {
        return json(reasons);
    }

    /** The column's text, for a row written in plain SQL ({@link SubmissionStore}). */
    static String json(List<String> reasons) {
        return reasons == null ? null : JSON.writeValueAsString(reasons);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        // null stays null: a row from before key-free reasons were stored has none (see QuestionScoreRecord)
        return column == null ? null : List.copyOf(JSON.readValue(column, STRINGS));
    }
}
