package io.firerisk.server.web;

import io.firerisk.ledger.Ledger;
import io.firerisk.server.DeskProperties;
import io.firerisk.server.security.DeskAccount;
import io.firerisk.server.security.Viewer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The desk's web plumbing: Chinese unless the person chose English ({@code ?lang=en}, remembered in a
 * cookie); the as-of date and the signed-in viewer as controller parameters; an account holding a
 * one-time password sees only the password page until it has chosen its own.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANG_COOKIE = "firerisk-lang";
    /** The earliest as-of date accepted: before any campaign this desk can hold. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Ledger ledger;
    private final DeskProperties properties;
    private final io.firerisk.server.security.DeskAccounts accounts;

    WebConfiguration(Ledger ledger, DeskProperties properties, io.firerisk.server.security.DeskAccounts accounts) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.properties = properties;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Object switched = request.getAttribute(LANG_COOKIE);
                if (switched != null) {
                    return switched.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                }
                if (request.getCookies() != null) {
                    for (Cookie c : request.getCookies()) {
                        if (c.getName().equals(LANG_COOKIE) && c.getValue().equals("en")) {
                            return Locale.ENGLISH;
                        }
                    }
                }
                return Locale.SIMPLIFIED_CHINESE;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                String lang = locale != null && locale.getLanguage().equals("en") ? "en" : "zh";
                Cookie c = new Cookie(LANG_COOKIE, lang);
                c.setPath("/");
                c.setHttpOnly(true);
                c.setMaxAge(365 * 24 * 3600);
                c.setAttribute("SameSite", "Lax");
                response.addCookie(c);
                // This request already speaks the new language.
                request.setAttribute(LANG_COOKIE, lang);
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws java.io.IOException {
                Authentication a = SecurityContextHolder.getContext().getAuthentication();
                if (a != null && a.getPrincipal() instanceof DeskAccount account && account.mustChangePassword()) {
                    response.sendRedirect(request.getContextPath() + "/account/password");
                    return false;
                }
                return true;
            }
        }).excludePathPatterns("/account/password", "/login", "/logout", "/error", "/css/**", "/js/**", "/vendor/**");
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws java.io.IOException {
                Authentication a = SecurityContextHolder.getContext().getAuthentication();
                if (a != null && a.getPrincipal() instanceof DeskAccount held && accounts.disabled(held.getUsername())) {
                    // Locked by an administrator since this session signed in: the session ends here.
                    var session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                    return false;
                }
                return true;
            }
        }).excludePathPatterns("/login", "/logout", "/error", "/css/**", "/js/**", "/vendor/**", "/public/**",
                "/actuator/health", "/actuator/health/**");
        // After the account checks (they read no parameter, and an account that must change its password or was
        // locked is sent away whatever the body), before anything reads a parameter: a multipart body is parsed
        // here, once the handler is known
        // (spring.servlet.multipart.resolve-lazily), so that a body that cannot be parsed fails as Spring's
        // MultipartException, which the handlers' advice answers (400, 413 beyond the limits; the upload by path
        // checks its venue first, 403), rather than in the container: read first by a parameter (the language's
        // below), Tomcat answers its own bare 400 page; parsed before a handler is chosen, no advice applies (500).
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                var multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
                        org.springframework.web.multipart.MultipartHttpServletRequest.class);
                if (multipart != null && request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST) {
                    try {
                        multipart.getMultiFileMap();
                    } catch (org.springframework.web.multipart.MultipartException e) {
                        if (handler instanceof org.springframework.web.method.HandlerMethod m
                                && m.getBeanType().getPackageName().startsWith("io.firerisk.server")) {
                            throw e; // the desk's advice answers it (ApiErrors, UiAdvice)
                        }
                        // Not one of the desk's endpoints (static files take every other address; Boot's /error),
                        // so none of its advice applies: a plain 400 rather than a 500
                        throw new org.springframework.web.server.ResponseStatusException(
                                org.springframework.http.HttpStatus.BAD_REQUEST, "unreadable multipart body", e);
                    }
                }
                return true;
            }
        });
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == AsOf.class;
            }

            @Override
            public AsOf resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return asOf(request.getParameter("asOf"));
            }
        });
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Viewer.class;
            }

            @Override
            public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return viewer().orElseThrow(DeskRequestException::forbidden);
            }
        });
    }

    /** The signed-in viewer, if any. */
    static java.util.Optional<Viewer> viewer() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof DeskAccount account ? java.util.Optional.of(account.viewer())
                : java.util.Optional.empty();
    }

    /** The as-of date of a request: the address's, else the setting, else today; never after today. */
    AsOf asOf(String param) {
        LocalDate today = ledger.today();
        if (param == null || param.isBlank()) {
            LocalDate d = properties.asOf().orElse(today);
            return new AsOf(d.isAfter(today) ? today : d, false);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(param.strip());
        } catch (DateTimeParseException e) {
            throw DeskRequestException.badParameter("asOf", param, "YYYY-MM-DD");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(today)) {
            throw DeskRequestException.badParameter("asOf", param, EARLIEST + " … " + today);
        }
        return new AsOf(date, true);
    }
}
