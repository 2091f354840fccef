package io.rapport.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The API's errors, rendered by Spring MVC as RFC 9457 problem details. */
final class ApiProblems {

  private ApiProblems() {}

  static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, detail);
  }

  static ErrorResponseException badRequest(String detail) {
    return problem(HttpStatus.BAD_REQUEST, detail);
  }

  static ErrorResponseException conflict(String detail) {
    return problem(HttpStatus.CONFLICT, detail);
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
