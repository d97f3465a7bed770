package org.quizdesk.quiz;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An allowed address range in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}) or a single address. Only
 * address literals are read, never host names, so neither a setting nor a request causes a DNS lookup.
 */
public record AddressRange(String text, byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** @throws IllegalArgumentException with a message that names the range and what is wrong with it */
    public static AddressRange parse(String text) {
        String range = text.strip();
        int slash = range.indexOf('/');
        String address = slash < 0 ? range : range.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("\u201c" + range + "\u201d is not an address range such as 192.0.2.0/24 or 2001:db8::/32.");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(range.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("\u201c" + range + "\u201d: the number after / must be between 0 and "
                        + bytes.length * 8 + ".");
            }
        }
        return new AddressRange(range, bytes, prefix);
    }

    /** Whether the address (a literal, as the servlet container gives it) lies in this range. */
    public boolean contains(String address) {
        byte[] bytes = address == null ? null : literal(address.strip());
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bytes.length * 8).subtract(BigInteger.ONE)
                .shiftRight(prefix).not();
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    /** The address's bytes (4 or 16; an IPv4-mapped IPv6 address reads as IPv4), or null when it is not a literal. */
    private static byte[] literal(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            return null;
        }
        if (IPV4.matcher(bare).matches()) {
            for (String part : bare.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            // a literal (checked above): no lookup happens
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
