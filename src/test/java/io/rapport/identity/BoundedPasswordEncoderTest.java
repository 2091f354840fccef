package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

  private static final int PERMITS = 3;
  private static final int THREADS = 8;

  @Test
  void neverRunsMoreHashesAtOnceThanItHasPermits() throws Exception {
    CountingEncoder slow = new CountingEncoder(PERMITS);
    PasswordEncoder bounded = new BoundedPasswordEncoder(slow, PERMITS);

    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < THREADS * 4; i++) {
        boolean encode = i % 2 == 0;
        calls.add(
            threads.submit(
                () -> encode ? bounded.encode("password") : bounded.matches("password", "hash")));
      }
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(slow.calls.get()).isEqualTo(THREADS * 4);
    assertThat(slow.mostAtOnce.get()).isEqualTo(PERMITS);
  }

  @Test
  void upgradeEncodingIsAskedOfTheDelegate() {
    CountingEncoder delegate = new CountingEncoder(1);
    PasswordEncoder bounded = new BoundedPasswordEncoder(delegate, 1);

    assertThat(bounded.upgradeEncoding("old")).isTrue();
    assertThat(bounded.upgradeEncoding("new")).isFalse();
    assertThat(bounded.matches("password", "hash")).isTrue();
    assertThat(bounded.encode("password")).isEqualTo("hash");
  }

  /**
   * A hash that holds each caller until {@code expected} callers are inside at once (or a second
   * passes), so that an encoder letting more in would be seen doing so.
   */
  private static final class CountingEncoder implements PasswordEncoder {

    private final int expected;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    CountingEncoder(int expected) {
      this.expected = expected;
    }

    @Override
    public String encode(CharSequence rawPassword) {
      work();
      return "hash";
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      work();
      return true;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
      return "old".equals(encodedPassword);
    }

    private void work() {
      calls.incrementAndGet();
      int now = inside.incrementAndGet();
      mostAtOnce.accumulateAndGet(now, Math::max);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      while (inside.get() < expected && System.nanoTime() < deadline) {
        LockSupport.parkNanos(100_000);
      }
      long linger = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2);
      while (System.nanoTime() < linger) {
        mostAtOnce.accumulateAndGet(inside.get(), Math::max);
        LockSupport.parkNanos(100_000);
      }
      inside.decrementAndGet();
    }
  }
}
