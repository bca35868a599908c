package io.rotation.platform.flags;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.InetAddress;

/**
 * An IP address or CIDR block (IPv4 or IPv6) for the remoteAddress strategy and the IN_CIDR
 * operator. Only literals are read (never a DNS lookup): anything else is not a range.
 */
record IpRange(byte[] network, int prefixLength) {

    /** The range, or null when the text is not an IP literal or a CIDR block. */
    static IpRange parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        InetAddress address = address(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new IpRange(address.getAddress(), prefix);
    }

    static InetAddress address(String literal) {
        if (literal == null || literal.isEmpty() || !InetAddresses.isInetAddress(literal)) {
            return null;
        }
        return InetAddresses.forString(literal);
    }

    boolean contains(InetAddress candidate) {
        byte[] bytes = candidate.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int bits = bytes.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(prefixLength).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
    }
}
