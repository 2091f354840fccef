package io.rapport.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets before they are stored (signing keys now, provider credentials and action
 * secrets later) with AES-256-GCM under the installation's master key.
 *
 * <p>The master key comes from {@code RAPPORT_MASTER_KEY}. Without it, a key is generated once into
 * {@code master.key} in the data directory, readable by its owner only; several nodes on one
 * database must then be given the same key explicitly.
 */
@Component
public final class SecretCipher {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(RapportProperties properties) {
    this.key = new SecretKeySpec(loadOrCreateKey(properties), "AES");
  }

  public String encrypt(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  public String decrypt(String stored) {
    if (!stored.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not a value encrypted by Rapport");
    }
    byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A stored secret cannot be decrypted: is RAPPORT_MASTER_KEY the key it was stored with?",
          e);
    }
  }

  private static byte[] loadOrCreateKey(RapportProperties properties) {
    if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
      return decodeKey(properties.masterKey().trim(), "RAPPORT_MASTER_KEY");
    }
    Path file = properties.dataDir().resolve("master.key");
    try {
      if (!Files.exists(file)) {
        writeNewKey(file);
      }
      return decodeKey(Files.readString(file).trim(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key " + file, e);
    }
  }

  private static void writeNewKey(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return; // another node on the same data directory made it first
    }
    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
  }

  private static byte[] decodeKey(String base64, String origin) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The master key in " + origin + " is not base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "The master key in "
              + origin
              + " must be 32 bytes, base64-encoded; it is "
              + bytes.length);
    }
    return bytes;
  }
}
