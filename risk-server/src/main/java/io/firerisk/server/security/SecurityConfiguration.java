package io.firerisk.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;

/**
 * Who may reach what. Form login with BCrypt hashes; every page but the login page, the static files,
 * the health check and the public pages needs an account; a leader only reads (every request that
 * is not a GET is refused to them, logging out and changing their own password aside); the
 * administration is the administrator's. CSRF tokens on every form (Spring Security's default), a new
 * session id at login (session fixation), and a Content-Security-Policy that lets the browser run
 * only the desk's own script files: no inline script or style, nothing from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Only the desk's own files; charts and htmx come from the jar. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Pages and files anyone may reach, signed in or not. */
    static final String[] OPEN = {"/login", "/css/**", "/js/**", "/vendor/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**", "/public/**"};

    /**
     * The JSON API for other systems (a 数字城管 platform): a request to {@code /api/**} that carries
     * HTTP Basic credentials of a desk account is authenticated by them alone, with no session and so
     * no CSRF token (a browser never sends such a header on its own: CSRF needs the ambient cookie).
     * The same accounts, roles, password hashes and lockout as the pages; a browser's session reaches
     * the API through the chain below, CSRF token and all.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessDeniedHandler denied) throws Exception {
        http.securityMatcher(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        && request.getHeader(HttpHeaders.AUTHORIZATION) != null
                        && request.getHeader(HttpHeaders.AUTHORIZATION).regionMatches(true, 0, "Basic ", 0, 6))
                .authorizeHttpRequests(SecurityConfiguration::rules)
                .httpBasic(b -> b.realmName("firerisk desk API"))
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)).frameOptions(f -> f.deny()));
        return http.build();
    }

    /** Someone not signed in: the login page, except that the JSON API answers 401. */
    private static AuthenticationEntryPoint entryPoint() {
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint api = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        return (request, response, e) -> (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                ? api : login).commence(request, response, e);
    }

    /** Who may reach what, for the pages and the API alike. */
    private static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(OPEN).permitAll()
                .requestMatchers("/actuator/**", "/admin/**").hasRole(DeskRole.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/logout", "/account/password").authenticated()
                .requestMatchers(HttpMethod.GET, "/**").authenticated()
                .requestMatchers(HttpMethod.HEAD, "/**").authenticated()
                .anyRequest().hasAnyRole(DeskRole.ADMIN.name(), DeskRole.STAFF.name(),
                        DeskRole.UNIT_OFFICER.name(), DeskRole.INSPECTOR.name());
    }

    @Bean
    SecurityFilterChain desk(HttpSecurity http, SecurityContextRepository contexts, AccessDeniedHandler denied)
            throws Exception {
        http.authorizeHttpRequests(SecurityConfiguration::rules)
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // The JSON API answers someone not signed in with 401, not with the login page.
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(denied))
                .csrf(c -> c.csrfTokenRequestHandler(new RefuseUndecodableTokens()))
                .securityContext(c -> c.securityContextRepository(contexts))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Where the signed-in account is kept between requests: the session, which Spring Session keeps in the
     * database, so every desk instance on it knows the account (and the session's CSRF token).
     */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * Spring Security's masked CSRF tokens (a new mask on every page, against BREACH), except that a token
     * which does not decode (a forged or mangled one) is refused with 403 like any wrong token: the
     * default handler throws on bytes that are not UTF-8 once unmasked, which answered 500.
     */
    static final class RefuseUndecodableTokens implements CsrfTokenRequestHandler {
        private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                java.util.function.Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            try {
                return masked.resolveCsrfTokenValue(request, token);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * A signed-in account these rules refuse. The leader's read-only account, sending anything but a read,
     * is told that it only reads and which account records a leader's decision (the page the desk shows for
     * a refusal, or an RFC 9457 problem on {@code /api/}), not a bare 403; every other refusal (a missing
     * CSRF token, a page of the administrator's) stays Spring Security's own.
     */
    @Bean
    AccessDeniedHandler deniedHandler(MessageSource messages, LocaleResolver locales, TemplateEngine templates,
            org.springframework.beans.factory.ObjectProvider<JsonMapper> jsonMappers) {
        JsonMapper json = jsonMappers.getIfAvailable(() -> JsonMapper.builder().build());
        AccessDeniedHandler plain = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            boolean leader = who != null && who.getAuthorities().stream()
                    .anyMatch(g -> DeskRole.LEADER.authority().equals(g.getAuthority()));
            if (!leader || e instanceof CsrfException || response.isCommitted()) {
                plain.handle(request, response, e);
                return;
            }
            Locale locale = locales.resolveLocale(request);
            String message = messages.getMessage("error.readOnly", new Object[] {who.getName()}, locale);
            response.setStatus(HttpStatus.FORBIDDEN.value());
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message);
                problem.setProperty("code", "error.readOnly");
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(json.writeValueAsString(problem));
            } else {
                response.setContentType("text/html;charset=UTF-8");
                templates.render("error.jte", java.util.Map.of("status", HttpStatus.FORBIDDEN.value(), "error", "",
                        "message", message, "lang", locale.getLanguage()), new PrintWriterOutput(response.getWriter()));
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Publishes wrong passwords and logins as events, for {@link LoginThrottle}. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
