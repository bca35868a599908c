package io.rotation.config.flag.model;

import io.rotation.platform.flags.Variant;

/** The answer of an evaluate endpoint: whether the flag is on and the variant, Unleash's way. */
public record FlagEvaluation(boolean enabled, Variant variant) {
}
