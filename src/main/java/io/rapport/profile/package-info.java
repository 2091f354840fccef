/**
 * The profile store: the attribute catalog, observations with their provenance, and profiles that
 * choose one effective value per attribute by precedence.
 *
 * <p>Other features use {@link io.rapport.profile.AttributeCatalog} and {@link
 * io.rapport.profile.ProfileService} and the records they return; everything else here is
 * package-private. The rules are described for readers in {@code docs/profile.md}.
 */
package io.rapport.profile;
