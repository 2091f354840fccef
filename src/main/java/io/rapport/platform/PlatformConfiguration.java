package io.rapport.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Beans every feature shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /** The one clock of the application; tests replace it to move time without sleeping. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Named so that the dispatcher servlet uses it instead of Spring Boot's default. */
  @Bean
  LocaleResolver localeResolver() {
    return new PageLocaleResolver();
  }
}
