package io.rapport.identity;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets no more hashes run at once than there are permits (by default one per core).
 *
 * <p>Argon2id is memory-hard and CPU-bound: with more hashes in flight than cores, each one takes
 * longer and all of them hold their memory longer, so logins slow down together and the heap
 * churns. Queueing the excess keeps each hash at full speed. Keycloak caps it likewise.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

  private final PasswordEncoder delegate;
  private final Semaphore permits;

  BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes) {
    this.delegate = delegate;
    this.permits = new Semaphore(concurrentHashes, true);
  }

  @Override
  public String encode(CharSequence rawPassword) {
    permits.acquireUninterruptibly();
    try {
      return delegate.encode(rawPassword);
    } finally {
      permits.release();
    }
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    permits.acquireUninterruptibly();
    try {
      return delegate.matches(rawPassword, encodedPassword);
    } finally {
      permits.release();
    }
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }
}
