package io.rotation.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * JSON strings bound to {@code String} fields may not contain NUL ({@code \u0000}): no Postgres text
 * column can hold one, and refusing it here names the field (a 400) instead of failing the write.
 */
public final class NulFreeStrings extends StringDeserializer {

    /** The refusal, recognised by the problem mappers. */
    public static final class NulCharacterException extends JsonMappingException {
        NulCharacterException(JsonParser parser) {
            super(parser, "a string contains a NUL character");
        }
    }

    static SimpleModule module() {
        return new SimpleModule("rotation-nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw new NulCharacterException(parser);
        }
        return value;
    }
}
