package org.quizdesk.system;

import java.util.stream.Stream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Binds request values to enums whatever their case ({@code sort=netid}, {@code dir=desc}, {@code next=submit}), as
 * pages and redirects write them; blank is no value. Spring's own conversion wants the constant's exact name.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class LenientEnums implements ConverterFactory<String, Enum> {

    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
        return text -> {
            String name = text.strip();
            if (name.isEmpty()) {
                return null;
            }
            return (T) Stream.of(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("\u201c" + text + "\u201d is not one of the choices."));
        };
    }
}
