package org.quizdesk.attempt.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A hand grade's applied rubric items, by id, kept in one text column as a JSON array (sorted, so it reads the same). */
@Converter
class RubricItemsColumn implements AttributeConverter<Set<String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(Set<String> itemIds) {
        return itemIds == null ? null : JSON.writeValueAsString(itemIds.stream().sorted().toList());
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        return column == null ? Set.of() : new LinkedHashSet<>(JSON.readValue(column, STRINGS));
    }
}
