package dev.meridian.app.sandbox.api;

import java.math.BigInteger;

/**
 * A Go {@code time.Duration} as its String() form, which is how metav1.Duration appears in JSON: "1h0m0s", "1m30s",
 * "1.5s", "300ms", "2µs", "0s". Below a second the unit shrinks; from a second up it is hours, minutes and fractional
 * seconds, with trailing zeros of the fraction dropped.
 */
final class GoDuration {
    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {}

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        // Long.MIN_VALUE has no positive long: the magnitude is taken as an unsigned value
        BigInteger magnitude = BigInteger.valueOf(nanos).abs();
        long u = magnitude.longValue();
        if (magnitude.compareTo(BigInteger.valueOf(SECOND)) < 0) {
            if (u < 1_000) {
                return sign + u + "ns";
            }
            if (u < 1_000_000) {
                return sign + decimal(u, 3) + "µs";
            }
            return sign + decimal(u, 6) + "ms";
        }
        BigInteger[] split = magnitude.divideAndRemainder(BigInteger.valueOf(SECOND));
        long seconds = split[0].longValue();
        String text = decimal(seconds % 60 * SECOND + split[1].longValue(), 9) + "s";
        long minutes = seconds / 60;
        if (minutes > 0) {
            text = minutes % 60 + "m" + text;
            long hours = minutes / 60;
            if (hours > 0) {
                text = hours + "h" + text;
            }
        }
        return sign + text;
    }

    /** value / 10^digits as a decimal with the fraction's trailing zeros (and a bare point) dropped. */
    private static String decimal(long value, int digits) {
        long scale = (long) Math.pow(10, digits);
        String fraction = String.format("%0" + digits + "d", value % scale).replaceAll("0+$", "");
        return (value / scale) + (fraction.isEmpty() ? "" : "." + fraction);
    }
}
