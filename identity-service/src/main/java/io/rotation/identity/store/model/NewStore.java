package io.rotation.identity.store.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** {@code POST /api/v1/stores}: a user applies for a store (it starts {@code pending}). */
public record NewStore(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) @Pattern(regexp = StoreUpdate.SLUG, message = StoreUpdate.SLUG_MESSAGE) String slug,
        @NotBlank @Pattern(regexp = StoreUpdate.DISCOGS_USERNAME, message = StoreUpdate.DISCOGS_MESSAGE)
        String discogsUsername,
        @Size(max = 10000) String description,
        @Email @Size(max = 320) String email,
        @Size(max = 32) String phone,
        @Size(max = 2048) @Pattern(regexp = StoreUpdate.URL, message = StoreUpdate.URL_MESSAGE) String websiteUrl,
        @Size(max = 2048) @Pattern(regexp = StoreUpdate.URL, message = StoreUpdate.URL_MESSAGE) String logoUrl,
        @Size(max = 2048) @Pattern(regexp = StoreUpdate.URL, message = StoreUpdate.URL_MESSAGE) String bannerUrl,
        @Size(max = 200) String addressLine1,
        @Size(max = 200) String addressLine2,
        @Size(max = 100) String city,
        @Size(max = 100) String region,
        @Size(max = 20) String postalCode,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String countryCode,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
}
