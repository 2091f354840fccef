package io.rapport.enrichment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider type for the pipeline's tests: answers what the test says, and counts its calls. Not a
 * Spring bean: tests build their pipeline with it.
 */
final class CountingProviderType implements ProviderType {

  static final String TYPE = "counting";

  final AtomicInteger calls = new AtomicInteger();
  private final Subject subject;
  private volatile Function<Lookup, LookupResult> answer;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  CountingProviderType(Subject subject, Function<Lookup, LookupResult> answer) {
    this.subject = subject;
    this.answer = answer;
  }

  static LookupResult company(Lookup lookup) {
    return LookupResult.match(
        List.of(
            new Finding("company_name", "Company of " + lookup.domain(), 0.9),
            new Finding("company_size", "250", 0.85)));
  }

  void answer(Function<Lookup, LookupResult> answer) {
    this.answer = answer;
  }

  /** Makes lookups wait until the returned latch is counted down. */
  CountDownLatch hold() {
    gate = new CountDownLatch(1);
    return gate;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean needsApiKey() {
    return false;
  }

  @Override
  public EnrichmentProvider create(ProviderSettings settings) {
    return new EnrichmentProvider() {
      @Override
      public String id() {
        return settings.id();
      }

      @Override
      public Subject subject() {
        return subject;
      }

      @Override
      public boolean accepts(EmailClass email) {
        return subject == Subject.PERSON ? !email.role() : email.kind().organisation();
      }

      @Override
      public boolean cached() {
        return true;
      }

      @Override
      public LookupResult lookUp(Lookup lookup) {
        calls.incrementAndGet();
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return answer.apply(lookup);
      }
    };
  }

  static ProviderSettings settings(String id, int position) {
    return new ProviderSettings(
        id, TYPE, position, true, null, null, 0, Duration.ofSeconds(5), 0, Duration.ofDays(30));
  }
}
