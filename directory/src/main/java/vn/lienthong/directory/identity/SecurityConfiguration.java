package vn.lienthong.directory.identity;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.lienthong.directory.MachineEndpoints;

/**
 * The suite's security, in one place. Three filter chains, tried in order:
 * <ol>
 *   <li>{@link #IDENTITY_PROVIDER_ORDER}: the embedded identity provider's endpoints and login page under
 *       {@code /realms/<realm>/} (embedded provider only, see {@link EmbeddedIdentityProvider});</li>
 *   <li>{@link #MACHINE_ORDER}: the {@link MachineEndpoints} modules declare, which authenticate their callers
 *       themselves (shared secret, feed token): no login, no session, no CSRF;</li>
 *   <li>{@link #API_ORDER}: {@code /api/**}, bearer tokens (JWT) or the browser session; 401/403 as JSON;</li>
 *   <li>{@link #WEB_ORDER}: everything else, OIDC login with registration {@value #REGISTRATION_ID}.</li>
 * </ol>
 * Authorities are the realm roles ({@code ROLE_SYSTEM_ADMIN}, {@code ROLE_UNIT_ADMIN}, {@code ROLE_OFFICIAL});
 * the principal's name is the {@code preferred_username} for both the browser session and bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(IdentitySettings.class)
class SecurityConfiguration {

    static final int IDENTITY_PROVIDER_ORDER = 10;
    static final int MACHINE_ORDER = 15;
    static final int API_ORDER = 20;
    static final int WEB_ORDER = 30;

    static final String REGISTRATION_ID = "lienthong";
    static final String REDIRECT_PATH = "/login/oauth2/code/" + REGISTRATION_ID;

    /**
     * Signed in is not enough: the user must hold one of our realm roles. A Keycloak account outside the directory
     * (no realm role) or a service account gets 403, never data.
     */
    static final String[] ALL_ROLES = {"SYSTEM_ADMIN", "UNIT_ADMIN", "OFFICIAL"};

    static final String[] PUBLIC_PATHS = {"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**"};

    @Bean
    LienThongPaths lienThongPaths(@Value("${lienthong.base-url:}") String baseUrl,
                                  @Value("${lienthong.data-dir:./data}") String dataDir) {
        return new LienThongPaths(IdentityEndpoints.requireHttpUrl(baseUrl, "lienthong.base-url"), Path.of(dataDir));
    }

    @Bean
    IdentityEndpoints identityEndpoints(IdentitySettings settings, LienThongPaths paths) {
        return IdentityEndpoints.of(settings, paths.baseUrl());
    }

    @Bean
    AppClient appClient(IdentitySettings settings, LienThongPaths paths) {
        if (settings.hasClientSecret()) {
            return new AppClient(settings.clientId(), settings.clientSecret().strip());
        }
        // Validation already refused a Keycloak set-up without a secret; the embedded provider makes its own.
        return new AppClient(settings.clientId(), new IdentityFiles(paths.dataDir()).clientSecret());
    }

    /**
     * Bearer tokens (and, in the browser login, the access token): signed by the realm's key, issued by the realm,
     * for this app ({@code aud} contains the client id, or {@code azp} is the client, as in Keycloak's tokens for
     * the app's own client). The embedded provider's tokens are checked against its in-process key, without a
     * call over HTTP; Keycloak's keys are fetched from its certs endpoint on first use, not at start-up.
     */
    @Bean
    JwtDecoder jwtDecoder(IdentitySettings settings, IdentityEndpoints endpoints, AppClient client,
                          ObjectProvider<JWKSource<SecurityContext>> embeddedKeys) {
        NimbusJwtDecoder decoder;
        if (settings.embedded()) {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, embeddedKeys.getObject()));
            processor.setJWTClaimsSetVerifier((claims, context) -> { }); // validated below, as for Keycloak
            decoder = new NimbusJwtDecoder(processor);
        }
        else {
            decoder = NimbusJwtDecoder.withJwkSetUri(endpoints.jwkSetUri()).jwsAlgorithm(
                    org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256).build();
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(endpoints.issuer()), forClient(client.id())));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> forClient(String clientId) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The token is not meant for client " + clientId, null);
        return jwt -> {
            List<String> audience = jwt.getAudience();
            boolean ours = (audience != null && audience.contains(clientId))
                    || clientId.equals(jwt.getClaimAsString("azp"));
            return ours ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
        };
    }

    /** The app's OIDC client, with explicit endpoints: no discovery call, so the app starts while the IdP is down. */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(IdentityEndpoints endpoints, AppClient client,
                                                              LienThongPaths paths) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Liên Thông")
                .clientId(client.id())
                .clientSecret(client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(paths.baseUrl() + REDIRECT_PATH)
                .scope("openid", "profile", "email")
                .issuerUri(endpoints.issuer())
                .authorizationUri(endpoints.authorizationUri())
                .tokenUri(endpoints.tokenUri())
                .jwkSetUri(endpoints.jwkSetUri())
                .userInfoUri(endpoints.userInfoUri())
                .userNameAttributeName(RealmRoleOidcUserService.USERNAME_CLAIM)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints.endSessionUri()))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(JwtDecoder jwtDecoder) {
        return new RealmRoleOidcUserService(jwtDecoder);
    }

    /**
     * Endpoints for programs with their own credential. Without any declared, the chain matches nothing. Responses
     * are not framed nor cached, and carry no session: each request proves itself.
     */
    @Bean
    @Order(MACHINE_ORDER)
    SecurityFilterChain machineFilterChain(HttpSecurity http, List<MachineEndpoints> declared) throws Exception {
        String[] patterns = declared.stream().flatMap(endpoints -> endpoints.patterns().stream())
                .distinct().toArray(String[]::new);
        if (patterns.length == 0) {
            http.securityMatcher(request -> false);
        }
        else {
            http.securityMatcher(patterns);
        }
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** The API: bearer tokens for programs, the browser session (with CSRF) for the pages' own scripts. */
    @Bean
    @Order(API_ORDER)
    SecurityFilterChain apiFilterChain(HttpSecurity http, JwtDecoder jwtDecoder) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors();
        // Named by preferred_username like the browser login; a token without one (a service account) by its sub.
        Converter<Jwt, AbstractAuthenticationToken> tokens = jwt -> {
            String username = jwt.getClaimAsString(RealmRoleOidcUserService.USERNAME_CLAIM);
            return new JwtAuthenticationToken(jwt, RealmRoles.authorities(jwt.getClaims()),
                    username != null ? username : jwt.getSubject());
        };
        RequestMatcher bearer = request -> {
            String authorization = request.getHeader("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/admin/**", "/api/*/admin/**").hasAnyRole("SYSTEM_ADMIN", "UNIT_ADMIN")
                        .anyRequest().hasAnyRole(ALL_ROLES))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                // A bearer token cannot be sent by another site's form; the session can, so it needs CSRF.
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** The pages: OIDC login, RP-initiated logout at the identity provider, CSRF, strict headers. */
    @Bean
    @Order(WEB_ORDER)
    SecurityFilterChain webFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                       OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService,
                                       IdentityEndpoints endpoints, LienThongPaths paths) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logoutAtProvider =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logoutAtProvider.setPostLogoutRedirectUri(paths.baseUrl() + "/");
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/admin/**").hasAnyRole("SYSTEM_ADMIN", "UNIT_ADMIN")
                        .requestMatchers("/actuator/**").hasRole("SYSTEM_ADMIN")
                        .anyRequest().hasAnyRole(ALL_ROLES))
                .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService)))
                .logout(logout -> logout.logoutSuccessHandler(logoutAtProvider))
                // htmx requests get a 401 instead of a redirect to the login page inside a fragment.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new RequestHeaderRequestMatcher("HX-Request")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(endpoints)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /**
     * Scripts, styles and fonts from the app itself (its {@code /js}, {@code /css} and {@code /webjars}), no inline
     * script or style; {@code data:} images for Bootstrap's icons; forms may post to the app and, for the logout
     * redirect, to the identity provider.
     */
    static String contentSecurityPolicy(IdentityEndpoints endpoints) {
        URI provider = URI.create(endpoints.endSessionUri());
        String providerOrigin = provider.getScheme() + "://" + provider.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + providerOrigin
                + "; frame-ancestors 'self'";
    }
}
