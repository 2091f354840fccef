package io.rapport.profiling;

/**
 * Questions that only one application's logins ask: tests that share a database with others store
 * such plans, so that no other test meets a prompt it does not expect.
 */
public final class QuestionOnlyFor {

  private QuestionOnlyFor() {}

  /** Asks for the company name at every login through the application. */
  public static Question client(String clientId) {
    return QuestionBuilder.ask("company-" + clientId, "company_name")
        .applications(clientId)
        .build();
  }
}
