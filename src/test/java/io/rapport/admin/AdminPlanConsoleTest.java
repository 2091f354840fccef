package io.rapport.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationDefinition;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.platform.yaml.YamlWalker;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PlanStore;
import io.rapport.profiling.PlanYaml;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's plan pages, driven in a real browser by the administrator: editing, refusals that
 * store nothing, order, switching, preview. Other test classes share the database, so each test
 * stores a plan of its own and removes it afterwards.
 */
@RapportAppTest
class AdminPlanConsoleTest {

  /** A small plan on built-in attributes: company is asked once the first name is known. */
  static final String PLAN =
      """
      policy:
        max-questions: 2
      questions:
        - id: name
          attribute: given_name
          input: text
          text:
            en: What is your first name?
            de: Wie ist Ihr Vorname?
          help: { en: So that we know how to greet you., de: Damit wir Sie richtig ansprechen. }
          from-login: 1
        - id: role
          attribute: job_role
          input: single-choice
          text: { en: What is your role, de: Was ist Ihre Rolle }
          options:
            - { value: hr, label: { en: HR, de: Personalwesen } }
            - { value: engineering, label: { en: Engineering, de: Entwicklung } }
          from-login: 1
        - id: size
          attribute: company_size
          input: single-choice
          text: { en: How many people work at your company }
          options:
            - { value: 1, label: { en: 1 to 10 } }
            - { value: 11, label: { en: 11 to 50 } }
        - id: company
          attribute: company_name
          input: text
          text: { en: Which company do you work for }
          when: { attribute: given_name }
      """;

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired PlanStore plans;
  @Autowired ApplicationRegistry applications;

  private Browser browser;
  private Plan stored;

  @BeforeEach
  void planAndAdministrator() {
    ConsoleAdmin.ensureExists(accounts);
    stored = plans.replace(plan(PLAN));
    browser = Browser.start();
    ConsoleAdmin.signIn(browser, base());
  }

  @AfterEach
  void removePlan() {
    browser.close();
    plans.replace(Plan.EMPTY);
  }

  @Test
  void planPageListsTheQuestionsInOrderWithWhenTheyAreAskedAndThePolicy() {
    browser.open(base() + "/admin");
    browser.driver().findElement(By.id("nav-profiling")).click();

    assertThat(questionIds()).containsExactly("name", "role", "size", "company");
    assertThat(row("name").findElement(By.className("asked")).getText()).isEqualTo("login from 1");
    assertThat(row("company").findElement(By.className("asked")).getText())
        .isEqualTo("login · when given_name is known");
    assertThat(row("size").findElement(By.className("state")).getText()).isEqualTo("enabled");
    assertThat(row("size").findElement(By.className("rate")).getText()).isEqualTo("—");
    assertThat(browser.text("policy")).contains("At most 2 questions on one prompt");
  }

  @Test
  void administratorEditsAQuestionAsYamlAndTheChangeIsStored() {
    browser.open(base() + "/admin/profiling");
    row("role").findElement(By.className("edit")).click();
    String yaml = browser.value("yaml");

    browser.fill(
        "yaml",
        yaml.replace(
            "    de: Entwicklung\n",
            "    de: Entwicklung\n  - value: sales\n    label:\n      en: Sales\n"));
    browser.click("save");

    browser.awaitElement("plan-notice");
    assertThat(browser.text("plan-notice")).isEqualTo("Question 'role' saved.");
    assertThat(plans.current().question("role").orElseThrow().options())
        .extracting(option -> option.value())
        .containsExactly("hr", "engineering", "sales");
  }

  @Test
  void invalidEditsAreRefusedWithWhatIsWrongAndWhereAndStoreNothing() {
    assertRefused(
        "role",
        yaml -> yaml.replace("attribute: job_role", "attribute: jobrole"),
        "line 2, column 12: attribute: unknown attribute 'jobrole': the attribute catalog defines"
            + " no such key");
    assertRefused(
        "size",
        yaml -> yaml.replace("value: '11'", "value: 11-50"),
        "line 10, column 12: options[1].value: '11-50' is not a value of attribute 'company_size'"
            + " (number): expected");
    assertRefused(
        "name",
        yaml -> yaml + "when:\n  attribute: company_name\n",
        "when.attribute: conditions form a cycle, so none of them is asked: question 'name' asks"
            + " for given_name only when company_name is known; question 'company' asks for"
            + " company_name only when given_name is known");
  }

  @Test
  void administratorAddsAQuestionAfterTheOthersAndDeletesIt() {
    browser.open(base() + "/admin/profiling");
    browser.click("new-question");
    browser.fill(
        "yaml",
        """
        id: title
        attribute: job_title
        input: text
        text:
          en: What is your job title?
        max-length: 100
        from-login: 2
        """);
    browser.click("save");

    browser.awaitElement("plan-notice");
    assertThat(browser.text("plan-notice")).isEqualTo("Question 'title' added.");
    assertThat(questionIds()).containsExactly("name", "role", "size", "company", "title");
    assertThat(row("title").findElement(By.className("asked")).getText()).isEqualTo("login from 2");

    row("title").findElement(By.className("edit")).click();
    browser.click("delete");

    browser.awaitElement("plan-notice");
    assertThat(browser.text("plan-notice")).isEqualTo("Deleted question 'title'.");
    assertThat(questionIds()).containsExactly("name", "role", "size", "company");
    assertThat(plans.current().question("title")).isEmpty();
  }

  @Test
  void questionsMoveInPlanOrderAndCanBeSwitchedOffAndOn() {
    browser.open(base() + "/admin/profiling");
    browser.clickAndAwait(row("size").findElement(By.className("move-up")), "plan-notice");
    assertThat(questionIds()).containsExactly("name", "size", "role", "company");

    browser.clickAndAwait(row("name").findElement(By.className("move-down")), "plan-notice");
    assertThat(questionIds()).containsExactly("size", "name", "role", "company");
    assertThat(row("size").findElements(By.className("move-up"))).isEmpty();
    assertThat(row("company").findElements(By.className("move-down"))).isEmpty();

    browser.clickAndAwait(row("role").findElement(By.className("switch")), "plan-notice");
    assertThat(browser.text("plan-notice")).isEqualTo("Saved: question 'role' disabled.");
    assertThat(row("role").findElement(By.className("state")).getText()).isEqualTo("disabled");
    assertThat(plans.current().question("role").orElseThrow().enabled()).isFalse();

    browser.clickAndAwait(row("role").findElement(By.className("switch")), "plan-notice");
    assertThat(plans.current().question("role").orElseThrow().enabled()).isTrue();
    assertThat(plans.current().questions())
        .extracting(question -> question.id())
        .containsExactly("size", "name", "role", "company");
  }

  @Test
  void previewShowsTheQuestionInEachOfItsLanguagesAndSaysWhenOneFallsBack() {
    browser.open(base() + "/admin/profiling/questions/role/preview?language=de");
    assertThat(browser.text("preview")).contains("Was ist Ihre Rolle", "Personalwesen", "Weiter");
    assertThat(browser.has("preview-fallback")).isFalse();

    browser.click("language-en");
    browser.awaitElement("preview");
    assertThat(browser.text("preview")).contains("What is your role", "HR", "Engineering");

    browser.open(base() + "/admin/profiling/questions/size/preview?language=de");
    assertThat(browser.has("preview-fallback")).isTrue();
    assertThat(browser.text("preview")).contains("How many people work at your company");
  }

  @Test
  void policyIsEditedAsYamlAndRefusedWhenInvalid() {
    browser.open(base() + "/admin/profiling");
    browser.click("edit-policy");
    browser.fill("yaml", "max-questions: 0\n");
    browser.click("save");
    browser.awaitElement("edit-problems");
    assertThat(browser.text("edit-problems")).startsWith("Nothing was saved. What is wrong:");
    assertThat(plans.current()).isEqualTo(stored);

    browser.fill("yaml", "max-questions: 1\nfriction-budget:\n  prompts: 3\n  days: 7\n");
    browser.click("save");
    browser.awaitElement("plan-notice");
    assertThat(browser.text("policy"))
        .contains("At most 1 question on one prompt")
        .contains("Friction budget: at most 3 prompts in any 7 days.");
    assertThat(plans.current().policy().maxQuestions()).isEqualTo(1);
  }

  @Test
  void anEditOfAQuestionChangedMeanwhileIsRefusedAndShowsTheCurrentVersion() {
    browser.open(base() + "/admin/profiling/questions/name");
    String yaml = browser.value("yaml");
    plans.change(
        plan -> plan.withQuestion("name", plan.question("name").orElseThrow().withEnabled(false)));

    browser.fill("yaml", yaml.replace("What is your first name?", "Your first name?"));
    browser.click("save");

    browser.awaitElement("edit-stale");
    assertThat(browser.text("edit-current")).contains("enabled: false");
    assertThat(plans.current().question("name").orElseThrow().enabled()).isFalse();
    assertThat(browser.value("yaml")).contains("Your first name?");

    browser.click("save");
    browser.awaitElement("plan-notice");
    assertThat(browser.text("plan-notice")).isEqualTo("Question 'name' saved.");
  }

  @Test
  void exportIsAnImportFileThatReadsBackAsTheSamePlan() throws Exception {
    PageClient pages = ConsoleAdmin.signedIn(base());
    PageClient.Page export = pages.get(base() + "/admin/profiling/export");

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("rapport-profiling.yaml");
    YamlWalker walker = YamlWalker.literal();
    var file = walker.mapping(YamlWalker.compose(export.body()), "", Set.of("profiling"));
    Plan read = PlanYaml.readPlan(walker, file.get("profiling"), "profiling").value();
    assertThat(walker.problems()).isEmpty();
    assertThat(read).isEqualTo(plans.current());
  }

  @Test
  void eachQuestionShowsWhatBecameOfItWhenUsersMetIt() {
    plans.change(plan -> plan.withNewQuestion(figuresQuestion()));
    String email = "console-figures-" + java.util.UUID.randomUUID() + "@example.com";
    accounts.signUp(email, "Analytical-Engine-1843", base(), java.util.Locale.ENGLISH, "127.0.0.1");
    applications.register(
        new ApplicationDefinition(
            FIGURES_CLIENT,
            "Console figures",
            List.of(FIGURES_CALLBACK),
            List.of(),
            null,
            List.of(),
            List.of("openid"),
            List.of()),
        ApplicationRegistry.ORIGIN_IMPORT,
        "test");
    OidcClient client = OidcClient.publicClient(base(), FIGURES_CLIENT, FIGURES_CALLBACK);
    try (Browser user = Browser.start()) {
      user.open(client.authorizationRequest("openid").url());
      user.fill("email", email);
      user.fill("password", "Analytical-Engine-1843");
      user.click("sign-in");
      user.awaitElement("prompt-form");
      user.click("prompt-skip");
      user.waitForUrl(url -> url.startsWith(FIGURES_CALLBACK));
    }

    browser.open(base() + "/admin/profiling");
    WebElement figures = row(FIGURES_QUESTION);
    assertThat(figures.findElement(By.className("shown")).getText()).isEqualTo("1");
    assertThat(figures.findElement(By.className("skipped")).getText()).isEqualTo("1");
    assertThat(figures.findElement(By.className("answered")).getText()).isEqualTo("0");
    assertThat(figures.findElement(By.className("rate")).getText()).isEqualTo("0.0 %");
    assertThat(browser.text("moments")).contains("login");
  }

  private static final String FIGURES_QUESTION = "console-figures";
  private static final String FIGURES_CLIENT = "console-figures-app";

  /** Nothing listens there: the browser only has to be sent to it. */
  private static final String FIGURES_CALLBACK = "http://127.0.0.1:9/callback";

  private static io.rapport.profiling.Question figuresQuestion() {
    YamlWalker walker = YamlWalker.literal();
    return PlanYaml.readQuestion(
            walker,
            YamlWalker.compose(
                """
                id: console-figures
                attribute: job_title
                input: text
                text:
                  en: What is your job title?
                priority: 1000
                from-login: 1
                """))
        .value();
  }

  private void assertRefused(
      String id, java.util.function.UnaryOperator<String> edit, String reason) {
    browser.open(base() + "/admin/profiling/questions/" + id);
    String yaml = browser.value("yaml");

    browser.fill("yaml", edit.apply(yaml));
    browser.click("save");

    browser.awaitElement("edit-problems");
    assertThat(browser.text("edit-problems"))
        .startsWith("Nothing was saved. What is wrong:")
        .contains(reason);
    assertThat(browser.value("yaml")).isEqualTo(edit.apply(yaml));
    assertThat(plans.current()).isEqualTo(stored);
  }

  private static Plan plan(String yaml) {
    YamlWalker walker = YamlWalker.literal();
    Plan plan = PlanYaml.readPlan(walker, YamlWalker.compose(yaml), "profiling").value();
    assertThat(walker.problems()).isEmpty();
    return plan;
  }

  private List<String> questionIds() {
    return browser.driver().findElements(By.cssSelector("#questions tbody tr")).stream()
        .map(row -> row.getDomAttribute("data-question"))
        .toList();
  }

  private WebElement row(String questionId) {
    return browser
        .driver()
        .findElement(By.cssSelector("#questions tr[data-question='" + questionId + "']"));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
