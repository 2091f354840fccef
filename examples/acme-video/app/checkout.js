// The sample checkout page of Acme Video. A single-page application signs in as a public client:
// authorization code with PKCE (RFC 7636), the code exchanged at Rapport's token endpoint from the
// browser. It asks for the "questions" scope, which lets the embeddable prompt read the questions
// due for its user and send the answers.
"use strict";

const params = new URLSearchParams(location.search);
const settings = {
  rapport: params.get("rapport") || sessionStorage.getItem("rapport") || "http://localhost:8080",
  clientId: params.get("client_id") || sessionStorage.getItem("clientId") || "acme-video",
};
sessionStorage.setItem("rapport", settings.rapport);
sessionStorage.setItem("clientId", settings.clientId);
const redirectUri = location.origin + location.pathname;

document.getElementById("sign-in").addEventListener("click", signIn);
document.getElementById("buy").addEventListener("click", () => buy().catch(problem));
start().catch(problem);

async function start() {
  if (params.has("code")) {
    await exchange(params.get("code"), params.get("state"));
    history.replaceState(null, "", redirectUri);
  }
  const signedIn = sessionStorage.getItem("accessToken") !== null;
  document.getElementById("signed-out").hidden = signedIn;
  document.getElementById("shop").hidden = !signedIn;
  const name = sessionStorage.getItem("givenName");
  if (signedIn && name) {
    document.getElementById("greeting").textContent = "Signed in as " + name + ".";
  }
}

async function signIn() {
  const verifier = randomText(32);
  const state = randomText(16);
  sessionStorage.setItem("verifier", verifier);
  sessionStorage.setItem("state", state);
  const request = new URLSearchParams({
    response_type: "code",
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    scope: "openid profile questions",
    state: state,
    code_challenge: await s256(verifier),
    code_challenge_method: "S256",
  });
  location.assign(settings.rapport + "/oauth2/authorize?" + request);
}

async function exchange(code, state) {
  if (state !== sessionStorage.getItem("state")) {
    throw new Error("The sign-in came back with a state this page did not send.");
  }
  const response = await fetch(settings.rapport + "/oauth2/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: code,
      redirect_uri: redirectUri,
      client_id: settings.clientId,
      code_verifier: sessionStorage.getItem("verifier"),
    }),
  });
  const tokens = await response.json();
  if (!response.ok) {
    throw new Error("The token endpoint answered " + response.status + ": " + tokens.error);
  }
  sessionStorage.setItem("accessToken", tokens.access_token);
  const claims = JSON.parse(fromBase64url(tokens.id_token.split(".")[1]));
  if (claims.given_name) {
    sessionStorage.setItem("givenName", claims.given_name);
  }
}

// At checkout the application raises the "purchase" moment; Rapport's prompt shows what is due
// (nothing, once everything is known), and the purchase goes on when the user answers or skips.
async function buy() {
  document.getElementById("buy").disabled = true;
  await loadPrompt();
  const result = await RapportPrompt.show({
    rapport: settings.rapport,
    accessToken: sessionStorage.getItem("accessToken"),
    moment: "purchase",
    container: "#questions",
  });
  document.getElementById("thanks").hidden = false;
  document.getElementById("thanks").dataset.questions = result.state;
}

function loadPrompt() {
  if (window.RapportPrompt) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = settings.rapport + "/embed/prompt.js";
    script.onload = resolve;
    script.onerror = () => reject(new Error("Rapport's prompt script did not load"));
    document.head.appendChild(script);
  });
}

function problem(error) {
  const shown = document.getElementById("problem");
  shown.textContent = error.message;
  shown.hidden = false;
  document.getElementById("shop").hidden = false;
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function s256(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return base64url(new Uint8Array(digest));
}

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
