package io.rapport.enrichment;

import io.rapport.platform.testing.RapportAppTest;

/** Consent for enrichment on H2, in the application context the other tests share. */
@RapportAppTest
class ConsentOnH2Test extends ConsentContract {}
