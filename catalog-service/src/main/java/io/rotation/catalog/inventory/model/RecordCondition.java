package io.rotation.catalog.inventory.model;

import java.util.Arrays;

/** The {@code record_condition} enum: Discogs' media grading scale; {@link #label()} is the database label. */
public enum RecordCondition {
    MINT("Mint (M)"),
    NEAR_MINT("Near Mint (NM or M-)"),
    VERY_GOOD_PLUS("Very Good Plus (VG+)"),
    VERY_GOOD("Very Good (VG)"),
    GOOD_PLUS("Good Plus (G+)"),
    GOOD("Good (G)"),
    FAIR("Fair (F)"),
    POOR("Poor (P)");

    private final String label;

    RecordCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RecordCondition fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown record condition: " + label));
    }
}
