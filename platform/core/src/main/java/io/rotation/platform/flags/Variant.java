package io.rotation.platform.flags;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The variant a flag gives a context, as Unleash reports it: {@code disabled} (not enabled) when the
 * flag is off or has no variants; {@code featureEnabled} says whether the flag itself is on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Variant(String name, boolean enabled, Payload payload,
                      @JsonProperty("feature_enabled") boolean featureEnabled) {

    public static final Variant DISABLED = new Variant("disabled", false, null, false);
    public static final Variant DISABLED_FEATURE_ON = new Variant("disabled", false, null, true);

    /** A variant's payload: its type (string, json, csv, number) and its value as text. */
    public record Payload(String type, String value) {
    }
}
