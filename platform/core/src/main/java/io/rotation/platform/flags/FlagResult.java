package io.rotation.platform.flags;

/** One evaluation: is the flag on for the context, and which variant the context gets. */
public record FlagResult(boolean enabled, Variant variant) {

    public static final FlagResult UNKNOWN = new FlagResult(false, Variant.DISABLED);
}
