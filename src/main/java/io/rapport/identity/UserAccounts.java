package io.rapport.identity;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The store of user accounts: who can sign in, and with which password hash. */
@Component
public final class UserAccounts {

  private static final String COLUMNS =
      "id, email, email_verified, administrator, created_at, last_login_at, logins_count";

  private final JdbcClient jdbc;
  private final Clock clock;

  public UserAccounts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<UserAccount> findById(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = ?")
        .param(id)
        .query(UserAccounts::map)
        .optional();
  }

  public Optional<UserAccount> findByEmail(String email) {
    return EmailAddress.normalise(email)
        .flatMap(
            normalised ->
                jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE email = ?")
                    .param(normalised)
                    .query(UserAccounts::map)
                    .optional());
  }

  /** Users whose email contains the text, newest first; an empty text lists everyone. */
  public List<UserAccount> search(String text, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM user_account WHERE email LIKE :pattern ESCAPE '\\'
                ORDER BY created_at DESC, id
                OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY""")
        .param("pattern", likePattern(text))
        .param("offset", offset)
        .param("limit", limit)
        .query(UserAccounts::map)
        .list();
  }

  /** Every user, newest first, from just after the cursor; a null cursor starts at the top. */
  public Page page(Cursor after, int limit) {
    String where =
        after == null ? "" : " WHERE created_at < :at OR (created_at = :at AND id < :id)";
    var statement =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM user_account"
                    + where
                    + " ORDER BY created_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
            .param("limit", limit + 1);
    if (after != null) {
      statement =
          statement.param("at", after.createdAt().atOffset(ZoneOffset.UTC)).param("id", after.id());
    }
    List<UserAccount> rows = statement.query(UserAccounts::map).list();
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    UserAccount last = rows.get(limit - 1);
    return new Page(rows.subList(0, limit), new Cursor(last.createdAt(), last.id()));
  }

  /** One page of users and where the next one starts, if there is one. */
  public record Page(List<UserAccount> users, Cursor next) {}

  /** A position in the newest-first order of users, opaque to API clients. */
  public record Cursor(Instant createdAt, String id) {

    /**
     * No account is created outside the years 1 to 9999, and outside them {@link Instant} or
     * PostgreSQL cannot hold every time a forged cursor may name.
     */
    private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();

    private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    public String encode() {
      String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
    }

    /** The cursor, or empty when the text is not one that {@link #encode()} could have made. */
    public static Optional<Cursor> decode(String encoded) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(encoded), UTF_8).split("\\.", 3);
        long seconds = Long.parseLong(parts[0]);
        int nanos = Integer.parseInt(parts[1]);
        if (seconds < FIRST_SECOND
            || seconds > LAST_SECOND
            || nanos < 0
            || nanos >= 1_000_000_000) {
          return Optional.empty();
        }
        Instant at = Instant.ofEpochSecond(seconds, nanos);
        return Optional.of(new Cursor(at, UUID.fromString(parts[2]).toString()));
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        return Optional.empty();
      }
    }
  }

  public long count(String text) {
    return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE email LIKE :pattern ESCAPE '\\'")
        .param("pattern", likePattern(text))
        .query(Long.class)
        .single();
  }

  Optional<String> passwordHashOf(String id) {
    return jdbc.sql("SELECT password_hash FROM user_account WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** Creates an account; the email must be normalised and the password already hashed. */
  UserAccount create(String email, String passwordHash, boolean verified, boolean administrator) {
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = now();
    try {
      jdbc.sql(
              """
              INSERT INTO user_account
                (id, email, email_verified, password_hash, administrator, created_at)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(id, email, verified, passwordHash, administrator, now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new EmailTakenException();
    }
    return new UserAccount(id, email, verified, administrator, now.toInstant(), null, 0);
  }

  void markEmailVerified(String id) {
    jdbc.sql("UPDATE user_account SET email_verified = true WHERE id = ?").param(id).update();
  }

  void updatePasswordHash(String id, String passwordHash) {
    jdbc.sql("UPDATE user_account SET password_hash = ? WHERE id = ?")
        .params(passwordHash, id)
        .update();
  }

  void recordLogin(String id) {
    jdbc.sql(
            """
            UPDATE user_account SET last_login_at = ?, logins_count = logins_count + 1
            WHERE id = ?""")
        .params(now(), id)
        .update();
  }

  boolean anyAdministrator() {
    return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE administrator = true")
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Microseconds: the precision both databases keep (they round the rest), so that the account
   * {@link #create} returns is the one read back.
   */
  private OffsetDateTime now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static String likePattern(String text) {
    String plain = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    String escaped = plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  private static UserAccount map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime lastLogin = rs.getObject("last_login_at", OffsetDateTime.class);
    return new UserAccount(
        rs.getString("id"),
        rs.getString("email"),
        rs.getBoolean("email_verified"),
        rs.getBoolean("administrator"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        lastLogin == null ? null : lastLogin.toInstant(),
        rs.getInt("logins_count"));
  }
}
