package io.rapport.identity;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;

/**
 * Argon2 password hashing that writes and reads exactly what Spring's {@code Argon2PasswordEncoder}
 * does ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}, Base64 without padding), on the same
 * BouncyCastle generator, but keeps each hash's working memory for the next one.
 *
 * <p>A hash works in {@code m} KiB of 1 KiB blocks. Spring's encoder allocates them anew for every
 * hash: 7 MiB of short-lived objects per login that the collector must copy while the hash runs and
 * sweep after it, stopping every thread (the other hash included) each time. Here the blocks come
 * from a few pools kept alive between hashes. BouncyCastle zeroes every block before it returns it
 * to a pool, so no password-derived data stays in memory between hashes.
 *
 * <p>At most {@code pooledMemories} pools are kept: as many as hashes may run at once ({@link
 * BoundedPasswordEncoder} holds the others back). A hash that finds none free works in fresh
 * memory, as Spring's does, so correctness never depends on the pool.
 */
final class PooledArgon2PasswordEncoder extends AbstractValidatingPasswordEncoder {

  private static final Logger log = LoggerFactory.getLogger(PooledArgon2PasswordEncoder.class);

  private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private final int hashLength;
  private final int parallelism;
  private final int memoryKib;
  private final int iterations;
  private final BytesKeyGenerator salts;
  private final BlockingQueue<Argon2BytesGenerator.BlockPool> memories;

  /**
   * @param saltLength bytes of random salt per new hash
   * @param hashLength bytes of each new hash
   * @param parallelism Argon2 lanes (p)
   * @param memoryKib Argon2 memory in KiB (m)
   * @param iterations Argon2 passes over the memory (t)
   * @param pooledMemories how many hashes' memory to keep between hashes
   */
  PooledArgon2PasswordEncoder(
      int saltLength,
      int hashLength,
      int parallelism,
      int memoryKib,
      int iterations,
      int pooledMemories) {
    this.hashLength = hashLength;
    this.parallelism = parallelism;
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.salts = KeyGenerators.secureRandom(saltLength);
    this.memories = new ArrayBlockingQueue<>(Math.max(1, pooledMemories));
  }

  @Override
  protected String encodeNonNullPassword(String rawPassword) {
    Argon2Hash hash =
        new Argon2Hash(
            Argon2Parameters.ARGON2_id,
            Argon2Parameters.ARGON2_VERSION_13,
            memoryKib,
            iterations,
            parallelism,
            salts.generateKey(),
            null);
    return hash.withHash(compute(hash, rawPassword, hashLength)).encoded();
  }

  @Override
  protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
    Argon2Hash stored;
    try {
      stored = Argon2Hash.decode(encodedPassword);
    } catch (IllegalArgumentException e) {
      log.warn(
          "RAPPORT-PASSWORD-001 A stored Argon2 password hash is malformed: {}", e.getMessage());
      return false;
    }
    byte[] computed = compute(stored, rawPassword, stored.hash().length);
    return MessageDigest.isEqual(stored.hash(), computed);
  }

  /** Like Spring's: a hash made with less memory or fewer passes than configured. */
  @Override
  protected boolean upgradeEncodingNonNull(String encodedPassword) {
    Argon2Hash stored = Argon2Hash.decode(encodedPassword);
    return stored.memoryKib() < memoryKib || stored.iterations() < iterations;
  }

  /** How many hashes' memory is kept now. */
  int pooledMemories() {
    return memories.size();
  }

  private byte[] compute(Argon2Hash settings, String rawPassword, int length) {
    Argon2BytesGenerator.BlockPool memory = memories.poll();
    if (memory == null) {
      memory = new Argon2BytesGenerator.FixedBlockPool(blocksOf(memoryKib, parallelism));
    }
    char[] password = rawPassword.toCharArray();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(settings.parameters(memory));
      byte[] output = new byte[length];
      generator.generateBytes(password, output);
      return output;
    } finally {
      Arrays.fill(password, '\0');
      memories.offer(memory);
    }
  }

  /** Blocks of a hash at the configured cost; a pool keeps no more than these. */
  private static int blocksOf(int memoryKib, int parallelism) {
    return Argon2BytesGenerator.getBlockCount(memoryKib, parallelism);
  }

  /**
   * One Argon2 hash and its settings, in the PHC string format Spring reads and writes.
   *
   * @param type {@link Argon2Parameters#ARGON2_d}, {@code ARGON2_i} or {@code ARGON2_id}
   * @param version 16 or 19 (0x10 or 0x13); Spring reads a missing {@code v=} as 19, and so does
   *     this
   * @param hash the hash bytes, or null before they are computed
   */
  record Argon2Hash(
      int type,
      int version,
      int memoryKib,
      int iterations,
      int parallelism,
      byte[] salt,
      byte[] hash) {

    private static final String[] TYPE_NAMES = {"argon2d", "argon2i", "argon2id"};

    Argon2Hash withHash(byte[] computed) {
      return new Argon2Hash(type, version, memoryKib, iterations, parallelism, salt, computed);
    }

    Argon2Parameters parameters(Argon2BytesGenerator.BlockPool memory) {
      return new Argon2Parameters.Builder(type)
          .withVersion(version)
          .withMemoryAsKB(memoryKib)
          .withIterations(iterations)
          .withParallelism(parallelism)
          .withSalt(salt)
          .withBlockPool(memory)
          .build();
    }

    String encoded() {
      return "$"
          + TYPE_NAMES[type]
          + "$v="
          + version
          + "$m="
          + memoryKib
          + ",t="
          + iterations
          + ",p="
          + parallelism
          + "$"
          + BASE64.encodeToString(salt)
          + "$"
          + BASE64.encodeToString(hash);
    }

    /**
     * Reads {@code $type[$v=version]$m=..,t=..,p=..$salt$hash}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    static Argon2Hash decode(String encoded) {
      String[] parts = encoded.split("\\$");
      if (parts.length < 5 || !parts[0].isEmpty()) {
        throw new IllegalArgumentException("not of the form $type$v=..$m=..,t=..,p=..$salt$hash");
      }
      int type = Arrays.asList(TYPE_NAMES).indexOf(parts[1]);
      if (type < 0) {
        throw new IllegalArgumentException("unknown type " + parts[1]);
      }
      int next = 2;
      int version = Argon2Parameters.ARGON2_VERSION_13;
      if (parts[next].startsWith("v=")) {
        version = Integer.parseInt(parts[next++].substring(2));
      }
      if (version != Argon2Parameters.ARGON2_VERSION_10
          && version != Argon2Parameters.ARGON2_VERSION_13) {
        throw new IllegalArgumentException("unknown version " + version);
      }
      if (parts.length != next + 3) {
        throw new IllegalArgumentException("expected costs, salt and hash after the version");
      }
      int[] costs = costs(parts[next]);
      return new Argon2Hash(
          type,
          version,
          costs[0],
          costs[1],
          costs[2],
          BASE64_DECODER.decode(parts[next + 1]),
          BASE64_DECODER.decode(parts[next + 2]));
    }

    /** {@code m=..,t=..,p=..}, in this order, as Spring writes and requires them. */
    private static int[] costs(String text) {
      String[] costs = text.split(",");
      String[] names = {"m=", "t=", "p="};
      if (costs.length != names.length) {
        throw new IllegalArgumentException("expected m, t and p");
      }
      int[] values = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        if (!costs[i].startsWith(names[i])) {
          throw new IllegalArgumentException("expected " + names[i] + " at position " + (i + 1));
        }
        values[i] = Integer.parseInt(costs[i].substring(2));
      }
      return values;
    }
  }
}
