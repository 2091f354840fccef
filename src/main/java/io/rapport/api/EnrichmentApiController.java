package io.rapport.api;

import io.rapport.enrichment.EnrichmentRefusedException;
import io.rapport.enrichment.EnrichmentRequests;
import io.rapport.identity.UserAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A user's enrichment: whether one is queued and when the last ran, and another one now. */
@RestController
@RequestMapping("/api/v1/users/{id}/enrichment")
final class EnrichmentApiController {

  private final UserAccounts accounts;
  private final EnrichmentRequests enrichment;

  EnrichmentApiController(UserAccounts accounts, EnrichmentRequests enrichment) {
    this.accounts = accounts;
    this.enrichment = enrichment;
  }

  @GetMapping
  EnrichmentRequests.Status status(@PathVariable String id) {
    return enrichment.status(require(id));
  }

  /**
   * 202: queued, or already queued; the job runs in the background, never in this request. 409 for
   * a user who may not be looked up (objected, has not consented, is in an excluded region).
   */
  @PostMapping
  ResponseEntity<Queued> request(@PathVariable String id) {
    boolean queued;
    try {
      queued = enrichment.request(require(id));
    } catch (EnrichmentRefusedException refused) {
      throw ApiProblems.conflict("The user is not looked up: " + refused.refusal().reason());
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Queued(true, !queued));
  }

  private String require(String id) {
    return accounts
        .findById(id)
        .orElseThrow(() -> ApiProblems.notFound("No user has the id '" + id + "'"))
        .id();
  }

  /**
   * @param queued always true: a job for the user waits
   * @param alreadyQueued whether it was queued before this request
   */
  record Queued(boolean queued, boolean alreadyQueued) {}
}
