package dev.meridian.agent.config;

import io.netty.util.NetUtil;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is
 * a block of one. Addresses are literals only (no name is ever looked up), and an IPv4 address
 * written as IPv6 ({@code ::ffff:10.0.0.1}) is the IPv4 address.
 */
public final class Cidr {
    private static final byte[] V4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Reads {@code address/prefix} or a bare address.
     *
     * @throws IllegalArgumentException saying what is wrong: not an address, a prefix out of range,
     *                                  or bits set past the prefix ({@code 10.1.0.0/8}, a likely typo)
     */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String host = slash < 0 ? t : t.substring(0, slash);
        byte[] address = host.indexOf('%') >= 0 || host.startsWith("[")
                ? null
                : NetUtil.createByteArrayFromIpAddressString(host);
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an address block such as 10.0.0.0/8 or fd00::/8");
        }
        int bits = address.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(t.substring(slash + 1), bits, text);
        if (address.length == 16 && prefix >= 96 && isV4Mapped(address)) {
            address = Arrays.copyOfRange(address, 12, 16);
            prefix -= 96;
        }
        byte[] network = masked(address, prefix);
        if (!Arrays.equals(network, address)) {
            throw new IllegalArgumentException("'" + text + "' has bits set past its /" + prefix
                    + " prefix; did you mean " + new Cidr(network, prefix) + "?");
        }
        return new Cidr(network, prefix);
    }

    private static int prefixLength(String digits, int bits, String text) {
        int prefix = -1;
        if (!digits.isEmpty() && digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            prefix = Integer.parseInt(digits);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' needs a prefix length from 0 to " + bits);
        }
        return prefix;
    }

    /** An address as 4 or 16 bytes; an IPv4-mapped IPv6 address is read as its IPv4 address. */
    public static byte[] unmapped(byte[] address) {
        return address.length == 16 && isV4Mapped(address) ? Arrays.copyOfRange(address, 12, 16) : address;
    }

    private static boolean isV4Mapped(byte[] address) {
        return Arrays.equals(address, 0, 12, V4_MAPPED_PREFIX, 0, 12);
    }

    /** Whether {@code address} (4 or 16 bytes, see {@link #unmapped}) lies in this block. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        return rest == 0 || ((address[whole] ^ network[whole]) & (0xff << (8 - rest)) & 0xff) == 0;
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    /** The block in canonical form: {@code 10.0.0.0/8}, {@code fd00::/8}. */
    @Override
    public String toString() {
        return NetUtil.bytesToIpAddress(network) + "/" + prefixLength;
    }
}
