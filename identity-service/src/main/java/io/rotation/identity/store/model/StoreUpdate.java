package io.rotation.identity.store.model;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * {@code PATCH /api/v1/stores/{id}}: only the fields present change; {@code status} is for admins,
 * the details for the owner, managers and admins. An empty string clears an optional text field.
 */
public record StoreUpdate(
        StoreStatus status,
        @Size(min = 1, max = 200) String name,
        @Size(max = 64) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
        @Pattern(regexp = "|" + DISCOGS_USERNAME, message = DISCOGS_MESSAGE) String discogsUsername,
        @Size(max = 10000) String description,
        @Pattern(regexp = "|.+@.+", message = "must be an e-mail address") @Size(max = 320) String email,
        @Size(max = 32) String phone,
        @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String websiteUrl,
        @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String logoUrl,
        @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String bannerUrl,
        @Size(max = 200) String addressLine1,
        @Size(max = 200) String addressLine2,
        @Size(max = 100) String city,
        @Size(max = 100) String region,
        @Size(max = 20) String postalCode,
        @Pattern(regexp = "|[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String countryCode,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String SLUG_MESSAGE = "must be lower-case letters and digits, words joined by '-'";
    public static final String DISCOGS_USERNAME = "[A-Za-z0-9_.-]{1,64}";
    public static final String DISCOGS_MESSAGE = "must be a Discogs username (letters, digits, '_', '.', '-')";
    public static final String URL = "(https?://\\S+)?";
    public static final String URL_MESSAGE = "must be an http(s) URL";

    @AssertTrue(message = "at least one field is required")
    public boolean isAnyField() {
        return status != null || hasDetails();
    }

    /** Whether any field other than status is present. */
    public boolean hasDetails() {
        return name != null || slug != null || discogsUsername != null || description != null || email != null
                || phone != null || websiteUrl != null || logoUrl != null || bannerUrl != null || addressLine1 != null
                || addressLine2 != null || city != null || region != null || postalCode != null || countryCode != null
                || latitude != null || longitude != null || currency != null;
    }
}
