package io.rotation.config.profile.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A new profile (POST: name and environment required) or a change (PATCH: the fields sent change).
 * {@code settings} is an object of setting key → value of that setting's type; {@code active} makes it
 * the environment's profile (the one active before is deactivated).
 */
public record ProfileInput(String name, String environment, String description, JsonNode settings, Boolean active) {
}
