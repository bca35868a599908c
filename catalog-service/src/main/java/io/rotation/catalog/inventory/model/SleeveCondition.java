package io.rotation.catalog.inventory.model;

import java.util.Arrays;

/** The {@code sleeve_condition} enum: the media scale plus sleeve-only grades; {@link #label()} is the database label. */
public enum SleeveCondition {
    MINT("Mint (M)"),
    NEAR_MINT("Near Mint (NM or M-)"),
    VERY_GOOD_PLUS("Very Good Plus (VG+)"),
    VERY_GOOD("Very Good (VG)"),
    GOOD_PLUS("Good Plus (G+)"),
    GOOD("Good (G)"),
    FAIR("Fair (F)"),
    POOR("Poor (P)"),
    GENERIC("Generic"),
    NOT_GRADED("Not Graded"),
    NO_COVER("No Cover");

    private final String label;

    SleeveCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SleeveCondition fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sleeve condition: " + label));
    }
}
