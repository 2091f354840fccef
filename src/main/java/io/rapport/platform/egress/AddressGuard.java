package io.rapport.platform.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an address is public enough to call. A server that makes requests on behalf of
 * what users type (an email's domain, later a script's URL) must not become a way into the network
 * it runs in: the cloud metadata service at 169.254.169.254, an admin port on localhost, a database
 * on 10.0.0.5. So every address outside the public unicast space is refused, including IPv6 forms
 * that embed an IPv4 address (RFC 4291 section 2.5.5, RFC 6052, RFC 3056).
 */
final class AddressGuard {

  private static final List<Range> REFUSED =
      List.of(
          Range.of("0.0.0.0/8", "an any-local or 'this network' address"),
          Range.of("10.0.0.0/8", "a private address"),
          Range.of("100.64.0.0/10", "a carrier-grade NAT address"),
          Range.of("127.0.0.0/8", "a loopback address"),
          Range.of(
              "169.254.0.0/16", "a link-local address (the cloud metadata service lives there)"),
          Range.of("172.16.0.0/12", "a private address"),
          Range.of("192.0.0.0/24", "an IETF protocol address"),
          Range.of("192.168.0.0/16", "a private address"),
          Range.of("198.18.0.0/15", "a benchmarking address"),
          Range.of("224.0.0.0/4", "a multicast address"),
          Range.of("240.0.0.0/4", "a reserved or broadcast address"),
          Range.of("::/128", "an any-local address"),
          Range.of("::1/128", "a loopback address"),
          Range.of("fc00::/7", "a unique-local address"),
          Range.of("fe80::/10", "a link-local address"),
          Range.of("fec0::/10", "a site-local address"),
          Range.of("ff00::/8", "a multicast address"));

  private final boolean allowPrivate;

  AddressGuard(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why the address may not be called, or empty when it may. */
  Optional<String> refusal(InetAddress address) {
    if (allowPrivate) {
      return Optional.empty();
    }
    byte[] bytes = address.getAddress();
    Optional<String> embedded = embeddedIpv4(address).flatMap(this::refusal);
    if (embedded.isPresent()) {
      return embedded;
    }
    return REFUSED.stream()
        .filter(range -> range.contains(bytes))
        .findFirst()
        .map(range -> range.reason() + " (" + address.getHostAddress() + ")");
  }

  /**
   * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
   * (64:ff9b::a.b.c.d) or 6to4 (2002:AABB:CCDD::) address, which reach that IPv4 address.
   */
  private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] bytes = address.getAddress();
    byte[] v4 = null;
    if (zero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
      v4 = Arrays.copyOfRange(bytes, 12, 16);
    } else if (zero(bytes, 0, 12) && !(zero(bytes, 12, 15) && (bytes[15] & 0xfe) == 0)) {
      // IPv4-compatible; :: and ::1 are themselves, not 0.0.0.0 and 0.0.0.1.
      v4 = Arrays.copyOfRange(bytes, 12, 16);
    } else if (bytes[0] == 0
        && bytes[1] == 0x64
        && (bytes[2] & 0xff) == 0xff
        && (bytes[3] & 0xff) == 0x9b
        && zero(bytes, 4, 12)) {
      v4 = Arrays.copyOfRange(bytes, 12, 16);
    } else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
      v4 = Arrays.copyOfRange(bytes, 2, 6);
    }
    if (v4 == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean zero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** An address block in CIDR notation, with what it is for a log line. */
  private record Range(byte[] network, int prefixLength, String reason) {

    static Range of(String cidr, String reason) {
      int slash = cidr.indexOf('/');
      try {
        // Literal addresses only: getByName does no lookup for them.
        byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        return new Range(network, Integer.parseInt(cidr.substring(slash + 1)), reason);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(cidr, e);
      }
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefixLength / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixLength % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
