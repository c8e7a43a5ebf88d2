package org.hourbill.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * MockMvc requests of a {@link ServiceTest} carry a valid token holding every role unless they set their own
 * {@code Authorization} header: tests of business behaviour stay about the business, and the access rules are proven
 * endpoint by endpoint in each service's {@link EndpointAccess} test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInCaller {

    @Bean
    MockMvcBuilderCustomizer signedInByDefault() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
                .header("Authorization", "Bearer " + TestIdentity.get().anyRoleToken()));
    }
}
