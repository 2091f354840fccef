/*
 * Rapport's embeddable prompt: shows the questions due at a moment the application raises (such as
 * "purchase") inside the application's own page, and sends the answers to Rapport.
 *
 *   <script src="https://rapport.example.com/embed/prompt.js"></script>
 *   RapportPrompt.show({ accessToken, moment: "purchase", container: "#questions" })
 *     .then(result => ...)   // result.state: "answered", "skipped", "none" or "closed"
 *
 * The access token is the signed-in user's, with the "questions" scope. Every text is written with
 * textContent, so nothing Rapport or a user wrote is read as markup. docs/profiling.md describes
 * the options, the markup and its class names.
 */
(function (global) {
  "use strict";

  var script = document.currentScript;
  var defaultBase = script ? new URL(script.src).origin : global.location.origin;

  function show(options) {
    if (!options || !options.accessToken || !options.moment) {
      return Promise.reject(new Error("RapportPrompt.show needs accessToken and moment"));
    }
    var container = typeof options.container === "string"
      ? document.querySelector(options.container)
      : options.container;
    if (!container) {
      return Promise.reject(new Error("RapportPrompt.show: container not found"));
    }
    var api = new Api(options.rapport || defaultBase, options.accessToken);
    return api.call("POST", "", { moment: options.moment }).then(function (response) {
      if (response.status === 204) {
        return { state: "none" };
      }
      if (!response.ok) {
        return failure(response);
      }
      return response.json().then(function (prompt) {
        return new PromptForm(api, prompt, container).open();
      });
    });
  }

  function Api(base, accessToken) {
    this.url = base.replace(/\/$/, "") + "/api/v1/me/prompts";
    this.accessToken = accessToken;
  }

  Api.prototype.call = function (method, path, body) {
    return fetch(this.url + path, {
      method: method,
      headers: {
        Authorization: "Bearer " + this.accessToken,
        "Content-Type": "application/json"
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  };

  function failure(response) {
    return response.json().catch(function () { return {}; }).then(function (problem) {
      throw new Error("Rapport answered " + response.status + ": " + (problem.detail || ""));
    });
  }

  function PromptForm(api, prompt, container) {
    this.api = api;
    this.prompt = prompt;
    this.container = container;
  }

  PromptForm.prototype.open = function () {
    var self = this;
    return new Promise(function (resolve, reject) {
      self.resolve = resolve;
      self.reject = reject;
      self.render();
    });
  };

  PromptForm.prototype.render = function () {
    var prompt = this.prompt;
    var form = element("form", "rapport-prompt");
    form.id = "rapport-prompt";
    form.lang = prompt.language;
    form.noValidate = false;
    form.appendChild(element("h2", "rapport-title", prompt.texts.title));
    form.appendChild(element("p", "rapport-intro", prompt.texts.intro));
    this.formError = element("p", "rapport-error");
    this.formError.id = "rapport-prompt-error";
    this.formError.hidden = true;
    form.appendChild(this.formError);
    this.fields = {};
    prompt.questions.forEach(function (question) {
      form.appendChild(this.question(question));
    }, this);
    form.appendChild(this.buttons());
    form.addEventListener("submit", this.submit.bind(this));
    this.form = form;
    this.container.replaceChildren(form);
  };

  PromptForm.prototype.question = function (question) {
    var block = element("div", "rapport-question");
    block.id = "rapport-question-" + question.id;
    var field = fieldFor(question, this.prompt.texts);
    block.appendChild(field.element);
    if (question.help) {
      block.appendChild(element("p", "rapport-help", question.help));
    }
    if (question.offered) {
      block.appendChild(element("p", "rapport-offered", question.offered));
    }
    var error = element("p", "rapport-error");
    error.id = "rapport-error-" + question.id;
    error.hidden = true;
    block.appendChild(error);
    this.fields[question.id] = { read: field.read, error: error };
    return block;
  };

  PromptForm.prototype.buttons = function () {
    var bar = element("div", "rapport-buttons");
    var answer = element("button", "rapport-answer", this.prompt.texts.answer);
    answer.type = "submit";
    answer.id = "rapport-answer";
    bar.appendChild(answer);
    if (!this.prompt.gate && this.prompt.texts.skip) {
      var skip = element("button", "rapport-skip", this.prompt.texts.skip);
      skip.type = "button";
      skip.id = "rapport-skip";
      skip.addEventListener("click", this.skip.bind(this));
      bar.appendChild(skip);
    }
    return bar;
  };

  PromptForm.prototype.submit = function (event) {
    event.preventDefault();
    var answers = {};
    Object.keys(this.fields).forEach(function (id) {
      answers[id] = this.fields[id].read();
    }, this);
    this.send("/" + encodeURIComponent(this.prompt.id) + "/answers", { answers: answers });
  };

  PromptForm.prototype.skip = function () {
    this.send("/" + encodeURIComponent(this.prompt.id) + "/skip", undefined);
  };

  PromptForm.prototype.send = function (path, body) {
    var self = this;
    self.busy(true);
    self.api.call("POST", path, body).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        self.busy(false);
        if (response.ok) {
          self.finish(json.state);
        } else if (response.status === 400) {
          self.showErrors(json);
        } else if (response.status === 409) {
          self.finish("closed");
        } else {
          throw new Error("Rapport answered " + response.status + ": " + (json.detail || ""));
        }
      });
    }).catch(function (error) {
      self.busy(false);
      self.reject(error);
    });
  };

  PromptForm.prototype.busy = function (busy) {
    this.form.querySelectorAll("button").forEach(function (button) {
      button.disabled = busy;
    });
  };

  PromptForm.prototype.showErrors = function (problem) {
    var errors = problem.errors || {};
    this.formError.textContent = problem.detail || "";
    this.formError.hidden = false;
    Object.keys(this.fields).forEach(function (id) {
      var error = this.fields[id].error;
      error.textContent = errors[id] || "";
      error.hidden = !errors[id];
    }, this);
  };

  PromptForm.prototype.finish = function (state) {
    this.container.replaceChildren();
    this.resolve({ state: state, prompt: this.prompt.id });
  };

  /** The field of a question, and how to read what the user entered. */
  function fieldFor(question, texts) {
    switch (question.input) {
      case "single-choice":
      case "yes-no":
        return choices(question, "radio");
      case "multiple-choice":
        return choices(question, "checkbox");
      case "country":
        return countryList(question, texts);
      default:
        return typed(question);
    }
  }

  function choices(question, type) {
    var fieldset = element("fieldset", "rapport-choices");
    fieldset.appendChild(element("legend", "rapport-text", question.text));
    var inputs = question.options.map(function (option, index) {
      var label = element("label", "rapport-choice");
      var input = document.createElement("input");
      input.type = type;
      input.name = "rapport-" + question.id;
      input.value = option.value;
      input.id = "rapport-answer-" + question.id + "-" + index;
      input.checked = question.values.indexOf(option.value) >= 0;
      input.required = type === "radio" && question.required;
      label.appendChild(input);
      label.appendChild(element("span", null, option.label));
      fieldset.appendChild(label);
      return input;
    });
    return {
      element: fieldset,
      read: function () {
        var chosen = inputs.filter(function (input) { return input.checked; })
          .map(function (input) { return input.value; });
        return type === "radio" ? (chosen[0] || "") : chosen;
      }
    };
  }

  function countryList(question, texts) {
    var wrapper = element("div", "rapport-field");
    var select = document.createElement("select");
    select.id = "rapport-answer-" + question.id;
    select.required = question.required;
    wrapper.appendChild(label(question, select.id));
    var empty = element("option", null, texts.choose);
    empty.value = "";
    select.appendChild(empty);
    question.options.forEach(function (option) {
      var item = element("option", null, option.label);
      item.value = option.value;
      item.selected = question.values.indexOf(option.value) >= 0;
      select.appendChild(item);
    });
    wrapper.appendChild(select);
    return { element: wrapper, read: function () { return select.value; } };
  }

  var HTML_TYPES = { email: "email", url: "url", phone: "tel", number: "number", date: "date" };

  function typed(question) {
    var wrapper = element("div", "rapport-field");
    var input = document.createElement("input");
    input.type = HTML_TYPES[question.input] || "text";
    input.id = "rapport-answer-" + question.id;
    input.value = question.values[0] || "";
    input.required = question.required;
    if (question.minLength != null) input.minLength = question.minLength;
    if (question.maxLength != null) input.maxLength = question.maxLength;
    if (question.min != null) input.min = question.min;
    if (question.max != null) input.max = question.max;
    if (input.type === "number") input.step = "any";
    wrapper.appendChild(label(question, input.id));
    wrapper.appendChild(input);
    return { element: wrapper, read: function () { return input.value; } };
  }

  function label(question, forId) {
    var text = element("label", "rapport-text", question.text);
    text.htmlFor = forId;
    return text;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  global.RapportPrompt = { show: show };
})(window);
