/**
 * Outbound HTTP: every call Rapport makes to a server on the internet (enrichment providers now,
 * the company's actions later) goes through {@link io.rapport.platform.egress.Egress}, which
 * refuses private, loopback and link-local addresses, bounds time and bytes, follows redirects only
 * when asked, and sends calls for the hosts an operator maps to another server there.
 */
package io.rapport.platform.egress;
