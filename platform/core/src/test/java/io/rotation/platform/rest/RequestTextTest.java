package io.rotation.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestTextTest {

    @Test
    void decodesPercentEscapedUtf8AndPlusesInQueries() {
        assertEquals("Svék Records", RequestText.decode("Sv%C3%A9k+Records", true));
        assertEquals("a+b", RequestText.decode("a+b", false));
        assertEquals("Björk", RequestText.decode("Björk", false));
        assertEquals("", RequestText.decode("", true));
    }

    @Test
    void refusesNulBytes() {
        assertNull(RequestText.decode("%00", true));
        assertNull(RequestText.decode("abc%00def", false));
        assertNull(RequestText.decode("abc\0", false));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertNull(RequestText.decode("%FF", true));
        assertNull(RequestText.decode("%C3", true));
        assertNull(RequestText.decode("%C3%28", true));
        assertNull(RequestText.decode("%ED%A0%80", true)); // an encoded surrogate
    }

    @Test
    void refusesBrokenEscapes() {
        assertNull(RequestText.decode("%", true));
        assertNull(RequestText.decode("%4", true));
        assertNull(RequestText.decode("%zz", true));
        assertNull(RequestText.decode("100%", false));
    }
}
