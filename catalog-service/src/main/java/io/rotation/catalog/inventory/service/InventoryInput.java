package io.rotation.catalog.inventory.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.catalog.inventory.model.InventoryState;
import io.rotation.catalog.inventory.model.NewInventory;
import io.rotation.catalog.inventory.model.RecordCondition;
import io.rotation.catalog.inventory.model.SleeveCondition;
import io.rotation.catalog.record.model.RecordStatus;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks what clients send for inventory and turns it into an {@link InventoryState}. Every wrong
 * field is named in one 400 problem, before anything is written.
 */
public final class InventoryInput {

    /** What the numeric(12, 2) column holds. */
    static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");
    static final int MAX_TEXT = 4000;
    static final int MAX_LOCATION = 255;
    static final int MAX_SHIPS_FROM = 128;
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    /** A new copy is offered, held back or reserved; sold and removed are what happens to it later. */
    static final Set<RecordStatus> NEW_STATUSES = Set.of(RecordStatus.active, RecordStatus.draft,
            RecordStatus.reserved);
    static final Set<String> PATCHABLE = Set.of("condition", "sleeve_condition", "price", "currency", "comments",
            "location", "status", "allow_offers", "ships_from");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private InventoryInput() {
    }

    /** POST: the store, the record and the state of the new copy. */
    public record Create(long storeId, long recordId, InventoryState state) {
    }

    public static Create create(NewInventory body) {
        InventoryInput in = new InventoryInput();
        if (body == null) {
            throw ProblemException.invalidField("store_id", "is required");
        }
        long storeId = in.id("store_id", body.storeId());
        long recordId = in.id("record_id", body.recordId());
        RecordCondition condition = in.condition("condition", body.condition(), true);
        SleeveCondition sleeve = in.sleeve("sleeve_condition", body.sleeveCondition());
        BigDecimal price = in.price("price", body.price());
        String currency = in.currency("currency", body.currency() == null ? "USD" : body.currency());
        RecordStatus status = body.status() == null ? RecordStatus.active : in.status("status", body.status());
        if (status != null && !NEW_STATUSES.contains(status)) {
            in.error("status", "a new copy is one of " + names(NEW_STATUSES));
        }
        String comments = in.text("comments", body.comments(), MAX_TEXT);
        String location = in.text("location", body.location(), MAX_LOCATION);
        String shipsFrom = in.text("ships_from", body.shipsFrom(), MAX_SHIPS_FROM);
        in.throwIfAny();
        return new Create(storeId, recordId, new InventoryState(condition, sleeve, price, currency, status, comments,
                location, shipsFrom, Boolean.TRUE.equals(body.allowOffers()), null, null));
    }

    /** PATCH: the fields present in {@code patch} applied to {@code current}; absent fields stay. */
    public static InventoryState patch(InventoryState current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(Problem.of(io.rotation.platform.problem.ProblemType.MALFORMED,
                    "the body must be a JSON object of the documented shape"));
        }
        InventoryInput in = new InventoryInput();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PATCHABLE.contains(name)) {
                in.error(name, "cannot be changed; changeable are " + String.join(", ", PATCHABLE.stream().sorted()
                        .toList()));
            }
        }
        RecordCondition condition = patch.has("condition")
                ? in.condition("condition", string(in, patch, "condition"), true) : current.condition();
        SleeveCondition sleeve = patch.has("sleeve_condition")
                ? in.sleeve("sleeve_condition", string(in, patch, "sleeve_condition")) : current.sleeveCondition();
        BigDecimal price = current.price();
        if (patch.has("price")) {
            JsonNode p = patch.get("price");
            price = p.isNumber() ? in.price("price", p.decimalValue())
                    : in.price("price", p.isNull() ? null : in.errorValue("price", "must be a number"));
        }
        String currency = patch.has("currency") ? in.currency("currency", string(in, patch, "currency"))
                : current.currency();
        RecordStatus status = patch.has("status") ? in.status("status", string(in, patch, "status")) : current.status();
        String comments = patch.has("comments") ? in.text("comments", string(in, patch, "comments"), MAX_TEXT)
                : current.comments();
        String location = patch.has("location")
                ? in.text("location", string(in, patch, "location"), MAX_LOCATION) : current.location();
        String shipsFrom = patch.has("ships_from")
                ? in.text("ships_from", string(in, patch, "ships_from"), MAX_SHIPS_FROM) : current.shipsFrom();
        boolean allowOffers = current.allowOffers();
        if (patch.has("allow_offers")) {
            if (patch.get("allow_offers").isBoolean()) {
                allowOffers = patch.get("allow_offers").booleanValue();
            } else {
                in.error("allow_offers", "must be true or false");
            }
        }
        in.throwIfAny();
        return new InventoryState(condition, sleeve, price, currency, status, comments, location, shipsFrom,
                allowOffers, current.listedAt(), current.soldAt());
    }

    // ---- query parameters (GET /api/v1/inventory; ids: Params.optionalPositive) ----

    public static BigDecimal optionalPrice(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(value.trim());
            if (price.signum() >= 0) {
                return price;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.invalidField(field, "must be a number >= 0");
    }

    public static RecordCondition optionalCondition(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        InventoryInput in = new InventoryInput();
        RecordCondition condition = in.condition("condition", value, true);
        in.throwIfAny();
        return condition;
    }

    public static RecordStatus optionalStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        InventoryInput in = new InventoryInput();
        RecordStatus status = in.status("status", value);
        in.throwIfAny();
        return status;
    }

    // ---- single fields ----

    private long id(String field, Long value) {
        if (value == null) {
            error(field, "is required");
            return 0;
        }
        if (value <= 0) {
            error(field, "must be a positive number");
        }
        return value;
    }

    private RecordCondition condition(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                error(field, "is required; one of " + labels(RecordCondition.values()));
            }
            return null;
        }
        return Arrays.stream(RecordCondition.values()).filter(c -> c.label().equals(value)).findFirst()
                .orElseGet(() -> {
                    error(field, "must be one of " + labels(RecordCondition.values()));
                    return null;
                });
    }

    private SleeveCondition sleeve(String field, String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(SleeveCondition.values()).filter(c -> c.label().equals(value)).findFirst()
                .orElseGet(() -> {
                    error(field, "must be one of " + labels(SleeveCondition.values()));
                    return null;
                });
    }

    private BigDecimal price(String field, BigDecimal value) {
        if (value == null) {
            error(field, "is required");
            return null;
        }
        if (value.signum() <= 0 || value.compareTo(MAX_PRICE) > 0) {
            error(field, "must be greater than 0 and at most " + MAX_PRICE.toPlainString());
        } else if (value.stripTrailingZeros().scale() > 2) {
            error(field, "has at most two decimals");
        } else {
            return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return value;
    }

    private String currency(String field, String value) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            error(field, "must be an ISO 4217 code in capitals, e.g. USD or EUR");
        }
        return value;
    }

    private RecordStatus status(String field, String value) {
        if (value != null) {
            for (RecordStatus s : RecordStatus.values()) {
                if (s.name().equals(value.toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        error(field, "must be one of " + names(Arrays.asList(RecordStatus.values())));
        return null;
    }

    private String text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            error(field, "is longer than " + max + " characters");
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String string(InventoryInput in, JsonNode patch, String field) {
        JsonNode node = patch.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            in.error(field, "must be a string");
            return null;
        }
        return node.textValue();
    }

    private BigDecimal errorValue(String field, String message) {
        error(field, message);
        return BigDecimal.ONE;
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(Problem.invalid(detail, List.copyOf(errors)));
        }
    }

    private static String labels(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v instanceof RecordCondition c ? c.label()
                : ((SleeveCondition) v).label()).map(l -> "\"" + l + "\"").collect(Collectors.joining(", "));
    }

    private static String names(java.util.Collection<RecordStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
