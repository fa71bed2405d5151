package app.omnia.webclient.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The pages' language (see {@link WebLocales}); {@code ?lang=fr} on any page switches it without script. */
@Configuration(proxyBeanMethods = false)
class WebClientConfiguration implements WebMvcConfigurer {

    /** The name is the one the DispatcherServlet looks up; it replaces Spring Boot's Accept-Language resolver. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return new WebLocales();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/oauth/token", "/oauth/revoke");
    }
}
