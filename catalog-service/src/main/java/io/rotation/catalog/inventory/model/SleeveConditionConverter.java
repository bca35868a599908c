package io.rotation.catalog.inventory.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link SleeveCondition} to its Discogs label (the {@code sleeve_condition} enum label). */
@Converter
public class SleeveConditionConverter implements AttributeConverter<SleeveCondition, String> {

    @Override
    public String convertToDatabaseColumn(SleeveCondition condition) {
        return condition == null ? null : condition.label();
    }

    @Override
    public SleeveCondition convertToEntityAttribute(String label) {
        return label == null ? null : SleeveCondition.fromLabel(label);
    }
}
