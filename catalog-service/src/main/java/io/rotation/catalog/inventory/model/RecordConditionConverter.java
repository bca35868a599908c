package io.rotation.catalog.inventory.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link RecordCondition} to its Discogs label (the {@code record_condition} enum label). */
@Converter
public class RecordConditionConverter implements AttributeConverter<RecordCondition, String> {

    @Override
    public String convertToDatabaseColumn(RecordCondition condition) {
        return condition == null ? null : condition.label();
    }

    @Override
    public RecordCondition convertToEntityAttribute(String label) {
        return label == null ? null : RecordCondition.fromLabel(label);
    }
}
