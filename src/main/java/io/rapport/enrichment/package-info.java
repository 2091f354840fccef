/**
 * Profile enrichment: looks users and their companies up in public sources and data APIs, in jobs
 * that never run on the login path, and adds what it finds to the profile as observations from
 * {@code enrichment:<provider>}.
 */
package io.rapport.enrichment;
