package io.rapport.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, over a fresh in-memory H2 database, a temporary data
 * directory and the shared embedded SMTP server ({@link TestMailServer}). Every test class with
 * this annotation and no other configuration shares one application context, so keep extra
 * properties out of it: register the clients and users a test needs through the services.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestApplicationInitializer.class)
public @interface RapportAppTest {}
