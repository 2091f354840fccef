package io.rapport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Rapport: identity, profiles and everything built on them, in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RapportApplication {

  public static void main(String[] args) {
    SpringApplication.run(RapportApplication.class, args);
  }
}
