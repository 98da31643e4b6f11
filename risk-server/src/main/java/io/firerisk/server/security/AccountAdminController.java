package io.firerisk.server.security;

import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Ledger;
import io.firerisk.server.web.DeskRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 账号管理 (the administrator's, {@code /admin/**} in {@link SecurityConfiguration}): create an account
 * with its role, unit and the ledger person it acts as; give it a new one-time password; lock and
 * unlock it. A one-time password is shown once, on the page that made it, and stored only as a hash.
 * The administrator cannot lock their own account (the desk would be left without one).
 */
@Controller
class AccountAdminController {

    private final DeskAccounts accounts;
    private final Ledger ledger;

    AccountAdminController(DeskAccounts accounts, Ledger ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        return page(model, "", "", "");
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String unitId,
            @RequestParam(defaultValue = "") String personId, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Directory directory = ledger.directory();
        DeskRole r;
        try {
            r = DeskRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            return problem(model, response, "accounts.badRole");
        }
        Optional<String> unit = Optional.of(unitId.trim()).filter(u -> !u.isEmpty());
        Optional<String> person = Optional.of(personId.trim()).filter(p -> !p.isEmpty());
        if (unit.isPresent() && !directory.units().containsKey(unit.get())) {
            return problem(model, response, "accounts.noUnit");
        }
        if (person.isPresent()) {
            Directory.Person p = directory.people().get(person.get());
            if (p == null) {
                return problem(model, response, "accounts.noPerson");
            }
            if (r == DeskRole.UNIT_OFFICER && unit.isPresent() && !unit.get().equals(p.unitId())) {
                return problem(model, response, "accounts.personOtherUnit");
            }
        }
        if (r == DeskRole.UNIT_OFFICER && unit.isEmpty()) {
            return problem(model, response, "accounts.officerNeedsUnit");
        }
        if (r != DeskRole.UNIT_OFFICER && unit.isPresent()) {
            // Only a unit officer's view is narrowed to a unit; a unit on another account would mislead.
            return problem(model, response, "accounts.unitOnlyForOfficers");
        }
        String password;
        try {
            password = accounts.create(username.trim(), r, unit, person, displayName.trim());
        } catch (IllegalArgumentException e) {
            return problem(model, response, e.getMessage().startsWith("username: an account") ? "accounts.taken"
                    : e.getMessage().startsWith("username") ? "accounts.badUsername" : "accounts.badName");
        }
        return page(model, username.trim(), password, "");
    }

    @PostMapping("/admin/accounts/{username}/reset")
    String reset(@PathVariable String username, Model model) {
        exists(username);
        return page(model, username, accounts.resetPassword(username), "");
    }

    @PostMapping("/admin/accounts/{username}/lock")
    String lock(@PathVariable String username, Viewer viewer) {
        exists(username);
        if (username.equals(viewer.username())) {
            throw new DeskRequestException(HttpStatus.BAD_REQUEST, "accounts.notYourself");
        }
        accounts.setDisabled(username, true);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{username}/unlock")
    String unlock(@PathVariable String username) {
        exists(username);
        accounts.setDisabled(username, false);
        return "redirect:/admin/accounts";
    }

    private void exists(String username) {
        if (accounts.find(username).isEmpty()) {
            throw DeskRequestException.notFound(username);
        }
    }

    private String problem(Model model, jakarta.servlet.http.HttpServletResponse response, String key) {
        response.setStatus(400);
        return page(model, "", "", key);
    }

    private String page(Model model, String issuedTo, String oneTimePassword, String problem) {
        Directory directory = ledger.directory();
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", List.of(DeskRole.values()));
        model.addAttribute("units", directory.units().values().stream().sorted(Comparator.comparing(Directory.Unit::unitId))
                .map(u -> new AccountOption(u.unitId(), u.name() + "（" + u.unitId() + "）")).toList());
        model.addAttribute("people", directory.people().values().stream()
                .sorted(Comparator.comparing(Directory.Person::personId))
                .map(p -> new AccountOption(p.personId(), p.name() + "（" + p.personId() + "，" + p.unitId() + "）")).toList());
        model.addAttribute("issuedTo", issuedTo);
        model.addAttribute("oneTimePassword", oneTimePassword);
        model.addAttribute("problem", problem);
        return "accounts";
    }
}
