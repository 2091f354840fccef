package io.rapport.profiling;

import io.rapport.identity.SignupFormExtension;
import io.rapport.profile.Profile;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The questions due at the {@code signup} moment, asked on the sign-up form itself. Their answers
 * are checked before the account exists and stored in the sign-up's transaction, with the prompt
 * and its events: a refused answer creates nothing.
 */
@Component
final class SignupQuestions implements SignupFormExtension {

  private static final Profile NOTHING_KNOWN = new Profile("", Map.of());

  private final PlanStore plans;
  private final PromptJournal journal;
  private final PromptSubmissions submissions;
  private final QuestionViews views;
  private final QuestionSelector selector;
  private final Clock clock;

  SignupQuestions(
      PlanStore plans,
      PromptJournal journal,
      PromptSubmissions submissions,
      QuestionViews views,
      Clock clock) {
    this.plans = plans;
    this.journal = journal;
    this.submissions = submissions;
    this.views = views;
    this.selector = new QuestionSelector(clock);
    this.clock = clock;
  }

  @Override
  public Optional<Section> section(SignupRequest request, Checked submitted) {
    List<Question> due = due(plans.current(), request.clientId());
    if (due.isEmpty()) {
      return Optional.empty();
    }
    CheckedAnswers answers =
        submitted instanceof SignupAnswers signup ? signup.answers() : CheckedAnswers.none();
    List<QuestionView> questions =
        views.of(due, NOTHING_KNOWN, answers.submitted(), answers.errors(), request.locale());
    List<String> formErrors =
        answers.formErrors().stream().map(error -> views.message(error, request.locale())).toList();
    return Optional.of(
        new Section(
            "profiling/questions",
            "signup-questions",
            Map.of("questions", questions, "formErrors", formErrors)));
  }

  @Override
  public Checked check(SignupRequest request, Map<String, List<String>> parameters) {
    Plan plan = plans.current();
    List<Question> due = due(plan, request.clientId());
    CheckedAnswers answers = AnswerForm.check(due, plan, submissions.attributes(), parameters);
    return new SignupAnswers(request.clientId(), answers);
  }

  @Override
  public void store(String userId, Checked checked) {
    SignupAnswers signup = (SignupAnswers) checked;
    List<String> asked = signup.answers().asked().stream().map(Question::id).toList();
    if (asked.isEmpty()) {
      return;
    }
    Prompt prompt = journal.open(userId, Moments.SIGNUP, signup.clientId(), 0, asked);
    submissions.store(prompt, PromptState.ANSWERED, signup.answers());
  }

  private List<Question> due(Plan plan, String clientId) {
    if (plan.questions().isEmpty()) {
      return List.of();
    }
    Situation situation =
        new Situation(
            NOTHING_KNOWN, 0, clock.instant(), Moments.SIGNUP, clientId, PromptHistory.NONE);
    return selector.select(plan, situation).stream().map(DueQuestion::question).toList();
  }

  /** The checked answers of a sign-up form, and the application it came from. */
  private record SignupAnswers(String clientId, CheckedAnswers answers) implements Checked {

    @Override
    public boolean acceptable() {
      return answers.acceptable();
    }
  }
}
