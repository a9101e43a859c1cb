package io.flowforge.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {
  // Literal addresses only: InetAddress.getByName on a literal parses it and does no lookup.
  private static SsrfGuard resolvingTo(String... literals) {
    return new SsrfGuard(
        host -> {
          List<InetAddress> addresses = new ArrayList<>();
          for (String literal : literals) {
            addresses.add(InetAddress.getByName(literal));
          }
          return addresses;
        });
  }

  private static URI hook() {
    return URI.create("https://hooks.example.com/services/T0/B0/x");
  }

  @Test
  void allowsPublicAddresses_v4AndV6() {
    assertEquals(2, resolvingTo("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946").check(hook(), false).size());
  }

  @Test
  void refusesPrivateLoopbackAndLinkLocal_inEveryForm() {
    for (String literal :
        List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1",
            "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe", "::127.0.0.1")) {
      FlowForgeException error = assertThrows(FlowForgeException.class, () -> resolvingTo(literal).check(hook(), false), literal);
      assertTrue(error.getMessage().contains("public addresses"), literal);
    }
  }

  @Test
  void refusesWhenAnyOfSeveralAddressesIsPrivate() {
    assertThrows(FlowForgeException.class, () -> resolvingTo("93.184.216.34", "10.0.0.5").check(hook(), false));
  }

  @Test
  void allowsLoopbackOverHttp_onlyForALocalWorkspace() {
    URI local = URI.create("http://127.0.0.1:9999/hook");
    assertEquals(1, resolvingTo("127.0.0.1").check(local, true).size());
    assertThrows(FlowForgeException.class, () -> resolvingTo("127.0.0.1").check(local, false));
    assertThrows(FlowForgeException.class, () -> resolvingTo("93.184.216.34").check(URI.create("http://hooks.example.com/x"), false));
  }

  @Test
  void refusesUnresolvableHostsAndCredentialsInTheUrl() {
    SsrfGuard failing = new SsrfGuard(host -> { throw new UnknownHostException(host); });
    assertTrue(assertThrows(FlowForgeException.class, () -> failing.check(hook(), false)).getMessage().contains("does not resolve"));
    assertThrows(FlowForgeException.class, () -> resolvingTo("93.184.216.34").check(URI.create("https://user:pw@hooks.example.com/x"), false));
  }
}
