package io.firerisk.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, and the page where an account holder chooses a password (required after a one-time one). */
@Controller
class AccountController {

    private final DeskAccounts accounts;
    private final SecurityContextRepository contexts;

    AccountController(DeskAccounts accounts, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("notice", error != null ? "login.failed" : locked != null ? "login.locked"
                : logout != null ? "login.loggedOut" : "");
        return "login";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("problem", "");
        return "password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        DeskAccount account = (DeskAccount) auth.getPrincipal();
        String problem = "";
        if (!accounts.passwordMatches(account.getUsername(), current)) {
            problem = "password.wrongCurrent";
        } else if (!password.equals(confirm)) {
            problem = "password.mismatch";
        } else if (password.equals(current)) {
            problem = "password.same";
        } else {
            try {
                accounts.changePassword(account.getUsername(), password);
            } catch (IllegalArgumentException e) {
                problem = "password.rules";
            }
        }
        if (!problem.isEmpty()) {
            model.addAttribute("problem", problem);
            response.setStatus(400);
            return "password";
        }
        // The session's account no longer holds a one-time password: the other pages open.
        DeskAccount changed = account.withPasswordChanged();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }
}
