package io.rapport.platform.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses the guard lets a call reach. */
class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.255.0.9",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "ff02::1",
        "64:ff9b::a00:1",
        "2002:7f00:1::",
        "::127.0.0.1"
      })
  void refusesAddressesThatAreNotPublic(String address) throws UnknownHostException {
    assertThat(guard.refusal(InetAddress.getByName(address))).as(address).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "172.32.0.1",
        "100.128.0.1",
        "93.184.215.14",
        "2001:4860:4860::8888",
        "2606:4700::1111",
        "64:ff9b::808:808",
        "2002:808:808::"
      })
  void letsPublicAddressesThrough(String address) throws UnknownHostException {
    assertThat(guard.refusal(InetAddress.getByName(address))).as(address).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "::1"})
  void refusesNothingWhenPrivateAddressesAreAllowed(String address) throws UnknownHostException {
    assertThat(new AddressGuard(true).refusal(InetAddress.getByName(address))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254"})
  void refusesTheIpv4MappedFormOfARefusedAddress(String address) throws UnknownHostException {
    byte[] v4 = InetAddress.getByName(address).getAddress();
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(v4, 0, mapped, 12, 4);

    assertThat(guard.refusal(Inet6Address.getByAddress(null, mapped, -1))).isPresent();
  }
}
