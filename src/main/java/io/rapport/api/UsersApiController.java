package io.rapport.api;

import io.rapport.identity.EmailAddress;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.profile.ProfileService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users and their profiles: the first part of the management API. */
@RestController
@RequestMapping("/api/v1/users")
final class UsersApiController {

  private static final int MAX_LIMIT = 200;

  private final UserAccounts accounts;
  private final ProfileService profiles;

  UsersApiController(UserAccounts accounts, ProfileService profiles) {
    this.accounts = accounts;
    this.profiles = profiles;
  }

  /**
   * Finds users: by exact email address when {@code email} is given, otherwise every user, newest
   * first, a page at a time.
   */
  @GetMapping
  UserPage find(
      @RequestParam(required = false) String email,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) String cursor) {
    if (email != null) {
      String normalised =
          EmailAddress.normalise(email)
              .orElseThrow(() -> ApiProblems.badRequest("'email' is not a valid email address"));
      List<UserResource> found =
          accounts.findByEmail(normalised).map(UserResource::of).stream().toList();
      return new UserPage(found, null);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiProblems.badRequest("'limit' must be between 1 and " + MAX_LIMIT);
    }
    UserAccounts.Page page = accounts.page(decode(cursor), limit);
    return new UserPage(
        page.users().stream().map(UserResource::of).toList(),
        page.next() == null ? null : page.next().encode());
  }

  @GetMapping("/{id}")
  UserResource get(@PathVariable String id) {
    return UserResource.of(require(id));
  }

  @GetMapping("/{id}/profile")
  ProfileResource profile(@PathVariable String id) {
    UserAccount account = require(id);
    return ProfileResource.of(profiles.profileOf(account.id()));
  }

  private UserAccount require(String id) {
    return accounts
        .findById(id)
        .orElseThrow(() -> ApiProblems.notFound("No user has the id '" + id + "'"));
  }

  private static UserAccounts.Cursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    return UserAccounts.Cursor.decode(cursor)
        .orElseThrow(() -> ApiProblems.badRequest("'cursor' is not a cursor this API returned"));
  }

  /**
   * One page of users.
   *
   * @param next the cursor of the following page, or null on the last one
   */
  record UserPage(List<UserResource> items, String next) {}
}
