package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

  @TempDir Path dataDir;

  @Test
  void decryptReturnsWhatWasEncrypted() {
    SecretCipher cipher = new SecretCipher(withMasterKey(randomKey()));

    String sealed = cipher.encrypt("the provider's API key: sk_live_42 ✓");

    assertThat(sealed).startsWith("v1:").doesNotContain("sk_live_42");
    assertThat(cipher.decrypt(sealed)).isEqualTo("the provider's API key: sk_live_42 ✓");
    assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
  }

  @Test
  void anotherMasterKeyCannotDecrypt() {
    String sealed = new SecretCipher(withMasterKey(randomKey())).encrypt("secret");
    SecretCipher other = new SecretCipher(withMasterKey(randomKey()));

    assertThatIllegalStateException()
        .isThrownBy(() -> other.decrypt(sealed))
        .withMessageContaining("cannot be decrypted")
        .withMessageContaining("RAPPORT_MASTER_KEY");
  }

  @Test
  void tamperedValueIsRefused() {
    SecretCipher cipher = new SecretCipher(withMasterKey(randomKey()));
    byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("secret").substring(3));
    sealed[sealed.length / 2] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(sealed);

    assertThatIllegalStateException()
        .isThrownBy(() -> cipher.decrypt(tampered))
        .withMessageContaining("cannot be decrypted");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cipher.decrypt("secret"))
        .withMessageContaining("Not a value encrypted by Rapport");
  }

  @Test
  void generatedKeyFileIsMadeOnceForItsOwnerOnlyAndReused() throws IOException {
    RapportProperties properties = inDataDir(dataDir.resolve("nested"));

    SecretCipher first = new SecretCipher(properties);
    Path keyFile = dataDir.resolve("nested").resolve("master.key");
    String key = Files.readString(keyFile);
    SecretCipher second = new SecretCipher(properties);

    assertThat(Base64.getDecoder().decode(key.trim())).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(keyFile)).isEqualTo(key);
    assertThat(second.decrypt(first.encrypt("secret"))).isEqualTo("secret");
  }

  @Test
  void masterKeyOfTheWrongLengthIsRefusedNamingTheVariable() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatIllegalStateException()
        .isThrownBy(() -> new SecretCipher(withMasterKey(short16)))
        .withMessageContaining("RAPPORT_MASTER_KEY")
        .withMessageContaining("32 bytes")
        .withMessageContaining("16");
    assertThatIllegalStateException()
        .isThrownBy(() -> new SecretCipher(withMasterKey("not base64 at all!")))
        .withMessageContaining("RAPPORT_MASTER_KEY")
        .withMessageContaining("base64");
  }

  @Test
  void brokenKeyFileIsRefusedNamingTheFile() throws IOException {
    Files.writeString(dataDir.resolve("master.key"), "c2hvcnQ=");

    assertThatThrownBy(() -> new SecretCipher(inDataDir(dataDir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("master.key")
        .hasMessageContaining("32 bytes");
  }

  private static RapportProperties withMasterKey(String masterKey) {
    return new RapportProperties(Path.of("unused"), null, null, masterKey, null, null);
  }

  private static RapportProperties inDataDir(Path directory) {
    return new RapportProperties(directory, null, null, null, null, null);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
