package org.quizdesk.attempt;

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
        return JSON.writeValueAsString(reasons == null ? List.of() : reasons);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null ? List.of() : List.copyOf(JSON.readValue(column, STRINGS));
    }
}
