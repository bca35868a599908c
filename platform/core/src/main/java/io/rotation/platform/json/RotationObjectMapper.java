package io.rotation.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one JSON dialect of the suite, for HTTP bodies and event payloads alike: snake_case names,
 * RFC 3339 times, unknown fields tolerated (consumers must accept fields added within a version).
 */
@Singleton
public class RotationObjectMapper implements ObjectMapperCustomizer {

    /** A mapper configured as the HTTP one, for code that runs outside CDI (tests, tools). */
    public static ObjectMapper create() {
        ObjectMapper mapper = JsonMapper.builder().build();
        configure(mapper);
        return mapper;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    private static void configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(NulFreeStrings.module());
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }
}
