package io.rapport.profiling;

import io.rapport.platform.testing.RapportAppTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application started as the README's tour starts it, with {@code
 * examples/acme-video/rapport.yaml} applied: its plan asks questions at every login, so it cannot
 * share the context of the other application tests. Every class with this annotation shares this
 * one context; keep its properties here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RapportAppTest
@TestPropertySource(
    properties = {
      "rapport.import-file=examples/acme-video/rapport.yaml",
      "OPS_TOOL_SECRET=the-ops-tool-secret-of-the-acme-tests"
    })
public @interface AcmeVideoAppTest {}
