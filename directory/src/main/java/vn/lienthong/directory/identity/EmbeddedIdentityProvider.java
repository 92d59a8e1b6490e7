package vn.lienthong.directory.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.internal.PasswordStore;

/**
 * The embedded identity provider: Spring Authorization Server shaped like a Keycloak realm, so the app's OIDC login
 * and bearer-token checks are the same as against Keycloak. Issuer {@code <lienthong.base-url>/realms/lienthong};
 * endpoints {@code /realms/lienthong/protocol/openid-connect/{auth,token,certs,userinfo,logout}} and discovery at
 * {@code /realms/lienthong/.well-known/openid-configuration}. Users are the directory's active officials with a
 * password; the signing key and the generated client secret live in {@code <lienthong.data-dir>/identity/}.
 *
 * <p>The provider shares the servlet session with the app, but not its state: its login is kept under its own
 * session attribute ({@link #SECURITY_CONTEXT_KEY}), its saved request under {@link #SAVED_REQUEST_KEY}. Otherwise
 * the provider's password login would count as the app's login (skipping OIDC) and the other way round.
 *
 * <p>Boot's own authorization-server auto-configuration backs off for every bean defined here; the app excludes
 * it anyway (see the package documentation).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "lienthong.identity", name = "provider", havingValue = "embedded", matchIfMissing = true)
class EmbeddedIdentityProvider {

    static final String SECURITY_CONTEXT_KEY = "LIENTHONG_IDP_SECURITY_CONTEXT";
    static final String SAVED_REQUEST_KEY = "LIENTHONG_IDP_SAVED_REQUEST";

    static String loginPath(IdentitySettings settings) {
        return IdentityEndpoints.realmPath(settings.realm()) + "/login";
    }

    @Bean
    @Order(SecurityConfiguration.IDENTITY_PROVIDER_ORDER)
    SecurityFilterChain identityProviderFilterChain(HttpSecurity http, IdentitySettings settings,
                                                    Directory directory, PasswordStore passwords,
                                                    JwtDecoder jwtDecoder) throws Exception {
        String realmPath = IdentityEndpoints.realmPath(settings.realm());
        String loginPath = loginPath(settings);

        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SECURITY_CONTEXT_KEY);
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setSessionAttrName(SAVED_REQUEST_KEY);
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setRequestCache(requests);
        AuthenticationFailureHandler failure = (request, response, exception) -> {
            String error = exception instanceof DisabledException ? "disabled" : "credentials";
            String lang = "en".equals(request.getParameter("lang")) ? "&lang=en" : "";
            response.sendRedirect(request.getContextPath() + loginPath + "?error=" + error + lang);
        };

        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(realmPath + "/**")
                .with(authorizationServer, server -> server
                        .oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(
                                EmbeddedIdentityProvider::userInfo))))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(loginPath, realmPath + "/.well-known/**",
                                realmPath + IdentityEndpoints.JWK_SET_PATH,
                                realmPath + IdentityEndpoints.END_SESSION_PATH).permitAll()
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requests))
                .authenticationProvider(passwordLogin(directory, passwords))
                .formLogin(form -> form
                        .loginPage(loginPath)
                        .loginProcessingUrl(loginPath)
                        .securityContextRepository(contexts)
                        .successHandler(success)
                        .failureHandler(failure))
                // The user-info endpoint takes the access token as a bearer token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(jwtDecoder)))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(loginPath), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src "
                                + LoginPage.CSS_HASH_SOURCE + "; img-src 'self'; form-action 'self'; "
                                + "base-uri 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Password login against the directory; a deactivated account is told so only after the right password. */
    private static DaoAuthenticationProvider passwordLogin(Directory directory, PasswordStore passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
                new DirectoryUserDetailsService(directory, passwords));
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("account deactivated");
            }
        });
        return provider;
    }

    /** User info: the user claims of the ID token, roles included, as Keycloak answers with its default mappers. */
    private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OidcIdToken idToken = context.getAuthorization().getToken(OidcIdToken.class).getToken();
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : new String[] {"sub", "preferred_username", "name", "email", RealmRoles.REALM_ACCESS,
                RealmRoles.ROLES}) {
            Object value = idToken.getClaim(name);
            if (value != null) {
                claims.put(name, value);
            }
        }
        return new OidcUserInfo(claims);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        // Endpoints relative to the issuer, which is taken from the path in front of them (/realms/<realm>);
        // an absolute issuer here would double the realm path in the discovery document.
        return AuthorizationServerSettings.builder()
                .multipleIssuersAllowed(true)
                .authorizationEndpoint(IdentityEndpoints.AUTHORIZATION_PATH)
                .tokenEndpoint(IdentityEndpoints.TOKEN_PATH)
                .jwkSetEndpoint(IdentityEndpoints.JWK_SET_PATH)
                .oidcUserInfoEndpoint(IdentityEndpoints.USER_INFO_PATH)
                .oidcLogoutEndpoint(IdentityEndpoints.END_SESSION_PATH)
                .tokenRevocationEndpoint(IdentityEndpoints.REVOCATION_PATH)
                .tokenIntrospectionEndpoint(IdentityEndpoints.INTROSPECTION_PATH)
                .pushedAuthorizationRequestEndpoint("/protocol/openid-connect/ext/par/request")
                .deviceAuthorizationEndpoint("/protocol/openid-connect/auth/device")
                .deviceVerificationEndpoint("/device")
                .oidcClientRegistrationEndpoint("/clients-registrations/openid-connect")
                .build();
    }

    @Bean
    IdentityFiles identityFiles(LienThongPaths paths) {
        return new IdentityFiles(paths.dataDir());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityFiles files) {
        return new ImmutableJWKSet<>(new JWKSet(files.signingKey()));
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AppClient client, LienThongPaths paths) {
        RegisteredClient app = RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
                .clientId(client.id())
                .clientName("Liên Thông")
                .clientSecret(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(client.secret()))
                .clientAuthenticationMethods(methods -> methods.addAll(Set.of(
                        ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST)))
                .authorizationGrantTypes(grants -> grants.addAll(Set.of(AuthorizationGrantType.AUTHORIZATION_CODE,
                        AuthorizationGrantType.REFRESH_TOKEN)))
                .redirectUri(paths.baseUrl() + SecurityConfiguration.REDIRECT_PATH)
                .postLogoutRedirectUri(paths.baseUrl() + "/")
                .scopes(scopes -> scopes.addAll(Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .authorizationCodeTimeToLive(Duration.ofMinutes(1))
                        .refreshTokenTimeToLive(Duration.ofHours(10))
                        .reuseRefreshTokens(false)
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(app);
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new ExpiringAuthorizationService(Duration.ofHours(24), Clock.systemUTC());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> realmTokenClaims(Directory directory, IdentityEndpoints endpoints) {
        return new RealmTokenClaims(directory, endpoints.issuer());
    }

    /** No {@code sid} in ID tokens: see {@link NoSessionRegistry}. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new NoSessionRegistry();
    }
}
