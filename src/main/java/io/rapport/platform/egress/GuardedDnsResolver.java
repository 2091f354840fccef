package io.rapport.platform.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves a host and hands the connection only addresses the guard accepts, so the address that
 * was checked is the address connected to: a second lookup that answers differently (DNS rebinding)
 * has no chance to happen. A host with any refused address is refused as a whole: a public name has
 * no business resolving to the inside of the network.
 */
final class GuardedDnsResolver implements DnsResolver {

  private final AddressGuard guard;
  private final DnsResolver system = SystemDefaultDnsResolver.INSTANCE;

  GuardedDnsResolver(AddressGuard guard) {
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = system.resolve(host);
    for (InetAddress address : addresses) {
      Optional<String> refusal = guard.refusal(address);
      if (refusal.isPresent()) {
        throw new RefusedAddress(host, refusal.get());
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return system.resolveCanonicalHostname(host);
  }

  /**
   * The refusal, carried out of HttpClient as the only exception a resolver may throw; {@link
   * Egress} turns it into an {@link EgressRefusedException}.
   */
  static final class RefusedAddress extends UnknownHostException {

    final String host;
    final String reason;

    RefusedAddress(String host, String reason) {
      super(host);
      this.host = host;
      this.reason = reason;
    }
  }
}
