package io.rotation.userfeatures.collection.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A collection to create; private unless {@code is_public} is true. */
public record NewCollection(@NotBlank @Size(max = 200) String name, @Size(max = 5000) String description,
                            @JsonProperty("is_public") Boolean isPublic) {
}
