package io.rapport.enrichment;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker per provider (resilience4j): when at least half of its last ten calls, and at
 * least five, failed in a way worth retrying (a timeout, a 5xx, a 429), the provider is left alone
 * for {@link #OPEN_FOR}; then two trial calls decide whether it is asked again or left alone once
 * more. A service that is down is not hammered by every job, and the jobs come back after it.
 *
 * <p>The breakers live in this node's memory: each node learns of a failing service by itself,
 * after at most five calls of its own. Their state is not shared because it is cheap to relearn and
 * the rate limit, which is shared, already bounds what all nodes together send.
 */
@Component
final class ProviderCircuits {

  static final int WINDOW = 10;
  static final int MINIMUM_CALLS = 5;
  static final float FAILURE_RATE_PERCENT = 50;
  static final Duration OPEN_FOR = Duration.ofMinutes(1);
  static final int TRIAL_CALLS = 2;

  private static final Logger log = LoggerFactory.getLogger(ProviderCircuits.class);

  private final CircuitBreakerConfig config;
  private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  ProviderCircuits(Clock clock) {
    this.config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(WINDOW)
            .minimumNumberOfCalls(MINIMUM_CALLS)
            .failureRateThreshold(FAILURE_RATE_PERCENT)
            .waitDurationInOpenState(OPEN_FOR)
            .permittedNumberOfCallsInHalfOpenState(TRIAL_CALLS)
            .clock(clock)
            .build();
  }

  /** The provider's breaker, made on first use. */
  CircuitBreaker of(String providerId) {
    return breakers.computeIfAbsent(providerId, this::create);
  }

  private CircuitBreaker create(String providerId) {
    CircuitBreaker breaker = CircuitBreaker.of(providerId, config);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              CircuitBreaker.State to = event.getStateTransition().getToState();
              if (to == CircuitBreaker.State.OPEN) {
                log.warn(
                    "RAPPORT-ENRICH-013 Provider '{}' failed too often; not asked for {} s",
                    providerId,
                    OPEN_FOR.toSeconds());
              } else if (to == CircuitBreaker.State.CLOSED) {
                log.info("RAPPORT-ENRICH-014 Provider '{}' answers again", providerId);
              }
            });
    return breaker;
  }
}
