package io.rapport.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for Spring Security by email. The principal's name is the account id, not the
 * email, so that sessions, authorizations and the {@code sub} claim survive an address change.
 */
@Component
final class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

  static final String ROLE_USER = "ROLE_USER";
  static final String ROLE_ADMIN = "ROLE_ADMIN";

  private final UserAccounts accounts;

  AccountUserDetailsService(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    UserAccount account =
        accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    String hash = accounts.passwordHashOf(account.id()).orElse(null);
    if (hash == null) {
      throw new UsernameNotFoundException("no password");
    }
    return User.withUsername(account.id()).password(hash).authorities(authorities(account)).build();
  }

  @Override
  public UserDetails updatePassword(UserDetails user, String newPassword) {
    accounts.updatePasswordHash(user.getUsername(), newPassword);
    return User.withUserDetails(user).password(newPassword).build();
  }

  static List<GrantedAuthority> authorities(UserAccount account) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(ROLE_USER));
    if (account.administrator()) {
      authorities.add(new SimpleGrantedAuthority(ROLE_ADMIN));
    }
    return authorities;
  }
}
