package io.rapport.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /** The one clock of the application; tests replace it to move time without sleeping. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
