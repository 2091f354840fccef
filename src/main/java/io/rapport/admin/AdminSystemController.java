package io.rapport.admin;

import io.rapport.identity.SigningKeys;
import io.rapport.platform.Mailer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The outbox of mail kept when no SMTP server is configured, and signing-key rotation. */
@Controller
@RequestMapping("/admin")
final class AdminSystemController {

  private static final int OUTBOX_SIZE = 100;

  private final Mailer mailer;
  private final SigningKeys keys;

  AdminSystemController(Mailer mailer, SigningKeys keys) {
    this.mailer = mailer;
    this.keys = keys;
  }

  @GetMapping("/outbox")
  String outbox(Model model) {
    model.addAttribute("usesOutbox", mailer.usesOutbox());
    model.addAttribute("messages", mailer.outbox(OUTBOX_SIZE));
    return "admin/outbox";
  }

  @GetMapping("/signing-keys")
  String signingKeys(Model model) {
    model.addAttribute("activeKeyId", keys.activeKeyId());
    return "admin/signing-keys";
  }

  @PostMapping("/signing-keys/rotate")
  String rotate(Authentication admin, RedirectAttributes redirect) {
    redirect.addFlashAttribute("rotatedTo", keys.rotate(admin.getName()));
    return "redirect:/admin/signing-keys";
  }
}
