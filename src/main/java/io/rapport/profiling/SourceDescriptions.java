package io.rapport.profiling;

import io.rapport.profile.Source;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Where a value came from, told in the user's words: "You said", "From Clearbit". */
final class SourceDescriptions {

  private final MessageSource messages;

  SourceDescriptions(MessageSource messages) {
    this.messages = messages;
  }

  String describe(Source source, Locale locale) {
    String id = source.id();
    int colon = id.indexOf(':');
    if (colon < 0) {
      return messages.getMessage("account.source." + id, null, locale);
    }
    String name = id.substring(colon + 1);
    String kind = id.substring(0, colon);
    String shown = kind.equals("enrichment") ? capitalised(name) : name;
    return messages.getMessage("account.source." + kind, new Object[] {shown}, locale);
  }

  private static String capitalised(String provider) {
    return provider.substring(0, 1).toUpperCase(Locale.ROOT) + provider.substring(1);
  }
}
