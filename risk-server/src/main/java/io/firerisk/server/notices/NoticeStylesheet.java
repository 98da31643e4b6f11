package io.firerisk.server.notices;

import io.firerisk.ledger.notice.NoticePrinter;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the notice's style sheet from the ledger's jar, so that the notice page keeps to the desk's
 * Content-Security-Policy ({@code style-src 'self'}): one style sheet for the desk's page, the notice file and its PDF.
 */
@Configuration
class NoticeStylesheet implements WebMvcConfigurer {

    /** Where the desk serves it (under /css/, open to anyone like the desk's own style sheets). */
    static final String PATH = "/css/notice/notice.css";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String folder = NoticePrinter.STYLESHEET_RESOURCE.substring(0, NoticePrinter.STYLESHEET_RESOURCE.lastIndexOf('/') + 1);
        registry.addResourceHandler("/css/notice/**").addResourceLocations("classpath:/" + folder);
    }
}
