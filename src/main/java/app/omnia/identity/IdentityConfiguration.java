package app.omnia.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.omnia.identity.domain.AgePolicy;
import app.omnia.platform.OmniaProperties;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    AgePolicy agePolicy(OmniaProperties properties) {
        OmniaProperties.Age age = properties.age();
        return new AgePolicy(age.defaultMinimum(), age.defaultCountry(),
                age.minimumByCountry() == null ? java.util.Map.of() : age.minimumByCountry());
    }
}
