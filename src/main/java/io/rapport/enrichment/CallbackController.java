package io.rapport.enrichment;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public endpoint providers POST their asynchronous answers to: {@code POST
 * /enrichment/callbacks/{lookupId}/{secret}}. It takes no session or CSRF token ({@link
 * CallbackSecurity}); the secret in the URL is the credential. It answers 204 when the answer was
 * stored, 404 for an unknown lookup or a wrong secret (alike, so that the one cannot be told from
 * the other), 409 for a lookup answered already, 400 for a body the provider cannot read, and 413
 * for a body over {@value EnrichmentCallbacks#MAX_BODY_BYTES} bytes.
 */
@RestController
final class CallbackController {

  private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

  private final EnrichmentCallbacks callbacks;

  CallbackController(EnrichmentCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  @PostMapping(CallbackRegistry.PATH + "{lookupId}/{secret}")
  ResponseEntity<Void> receive(
      @PathVariable String lookupId, @PathVariable String secret, HttpServletRequest request)
      throws IOException {
    if (request.getContentLengthLong() > EnrichmentCallbacks.MAX_BODY_BYTES) {
      return tooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(EnrichmentCallbacks.MAX_BODY_BYTES + 1);
    }
    if (body.length > EnrichmentCallbacks.MAX_BODY_BYTES) {
      return tooLarge();
    }
    HttpStatus status =
        switch (callbacks.accept(lookupId, secret, body, headers(request))) {
          case ACCEPTED -> HttpStatus.NO_CONTENT;
          case UNKNOWN -> HttpStatus.NOT_FOUND;
          case DONE -> HttpStatus.CONFLICT;
          case UNREADABLE -> HttpStatus.BAD_REQUEST;
        };
    return ResponseEntity.status(status).build();
  }

  private static ResponseEntity<Void> tooLarge() {
    log.info(
        "RAPPORT-ENRICH-038 A callback body over {} bytes was refused",
        EnrichmentCallbacks.MAX_BODY_BYTES);
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new TreeMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(
          name.toLowerCase(Locale.ROOT), List.copyOf(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }
}
