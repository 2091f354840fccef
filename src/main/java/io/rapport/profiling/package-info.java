/**
 * Progressive profiling: the plan of questions a company asks its users a few at a time, the choice
 * of the questions due at a moment, the prompt page in the login flow, the sign-up form's
 * questions, the prompt events, and the user's own profile page at {@code /account}.
 *
 * <p>Other features use {@link io.rapport.profiling.PlanStore} and the plan's records; the rules
 * are described for readers in {@code docs/profiling.md}.
 */
package io.rapport.profiling;
