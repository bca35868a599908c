package io.rotation.userfeatures.play.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Up to {@value #MAX_PLAYS} plays at once, as an offline client uploads its backlog. */
public record NewPlayBatch(@NotNull @Size(min = 1, max = MAX_PLAYS) List<@NotNull @Valid NewPlay> plays) {
    public static final int MAX_PLAYS = 1000;
}
