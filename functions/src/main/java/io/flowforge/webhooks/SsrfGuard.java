package io.flowforge.webhooks;

import io.flowforge.core.FlowForgeException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses alert destinations that would make FlowForge call into a private network: the host is resolved
 * and every address it resolves to (IPv4 and IPv6) must be public. Loopback, private (RFC 1918), carrier-
 * grade NAT, link-local (including the cloud metadata address 169.254.169.254), unique-local IPv6,
 * unspecified and multicast addresses are refused, also when wrapped as IPv4-mapped or NAT64 IPv6. A local
 * workspace (the laptop stack) may deliver to such addresses, since its receivers run there.
 */
public final class SsrfGuard {
  private final HostResolver resolver;

  public SsrfGuard(HostResolver resolver) {
    this.resolver = resolver;
  }

  /** Checks a destination URL and answers the addresses it resolved to. */
  public List<InetAddress> check(URI url, boolean localWorkspace) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && localWorkspace)) {
      throw FlowForgeException.invalid(
          "/url", "Alert destinations must use https (got '" + url + "'); plain http is only allowed for a local workspace.");
    }
    if (url.getHost() == null || url.getRawUserInfo() != null) {
      throw FlowForgeException.invalid("/url", "The destination URL needs a host and no user:password part; got '" + url + "'.");
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(url.getHost());
    } catch (UnknownHostException e) {
      throw FlowForgeException.invalid("/url", "The host " + url.getHost() + " does not resolve; check the destination URL.");
    }
    if (addresses.isEmpty()) {
      throw FlowForgeException.invalid("/url", "The host " + url.getHost() + " resolves to no address.");
    }
    if (!localWorkspace) {
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          throw FlowForgeException.invalid(
              "/url",
              "The host " + url.getHost() + " resolves to " + address.getHostAddress()
                  + ", a private, loopback or link-local address; FlowForge only delivers alerts to public addresses.");
        }
      }
    }
    return addresses;
  }

  static boolean isPublic(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      InetAddress embedded = embeddedIpv4(b);
      if (embedded != null) {
        return isPublic(embedded);
      }
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
      boolean documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8;
      return !(v6.isLoopbackAddress() || v6.isAnyLocalAddress() || v6.isLinkLocalAddress()
          || v6.isSiteLocalAddress() || v6.isMulticastAddress() || uniqueLocal || documentation);
    }
    byte[] b = address.getAddress();
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    boolean thisNetwork = first == 0;
    boolean carrierNat = first == 100 && second >= 64 && second <= 127;
    boolean benchmarking = first == 198 && (second == 18 || second == 19);
    boolean reserved = first >= 240;
    return !(address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress() || thisNetwork || carrierNat
        || benchmarking || reserved);
  }

  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach
  // the IPv4 address they embed.
  private static InetAddress embeddedIpv4(byte[] b) {
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !isAllZero(b, 12);
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isAllZero(b, 4, 12);
    if (!(mapped || compatible || nat64)) {
      return null;
    }
    try {
      return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes always form an IPv4 address", e);
    }
  }

  private static boolean isAllZero(byte[] b, int from) {
    return isAllZero(b, from, b.length);
  }

  private static boolean isAllZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
