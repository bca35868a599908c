package io.rotation.userfeatures.collection.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update: absent fields stay as they are; an empty description clears it. */
public record CollectionChanges(@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                                String name,
                                @Size(max = 5000) String description,
                                @JsonProperty("is_public") Boolean isPublic) {

    public boolean isEmpty() {
        return name == null && description == null && isPublic == null;
    }
}
