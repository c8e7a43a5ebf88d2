package org.hourbill.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The identity provider of a test JVM: one RSA key whose public half is served as a JWK set over real HTTP, and access
 * tokens signed with it. Services under test are configured with this issuer and key set exactly as they are with
 * a real provider, so their signature, issuer, audience, expiry and role checks all run for real. The tokens a bad
 * caller would bring (expired, another issuer or audience, another key) are made here too.
 */
public final class TestIdentity {
    public static final String AUDIENCE = "hourbill-api";
    public static final List<String> ALL_ROLES = List.of("approver", "billing_clerk", "finance", "auditor");
    private static TestIdentity instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private volatile String externalIssuer;

    private TestIdentity() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key-" + UUID.randomUUID()).generate();
            // same key id as the real one: a forger would copy it
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        server.setExecutor(null);
        server.start();
    }

    public static synchronized TestIdentity get() {
        if (instance == null) instance = new TestIdentity();
        return instance;
    }

    public String issuer() {
        return externalIssuer != null ? externalIssuer : "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Makes a real provider the issuer: Hourbill's auth-server started with {@link #writeSigningKey} as its key. Tokens
     * made here and tokens the provider gives a person who signs in are then alike, and services fetch the key set from
     * the provider. Call before any service is configured.
     */
    public void useIssuer(String providerUrl) {
        externalIssuer = providerUrl;
    }

    /** This identity's signing key, private part included, as the JWK file auth-server reads. */
    public void writeSigningKey(java.nio.file.Path file) throws IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(file, key.toJSONString());
    }

    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /** What a service needs to trust this provider: the same properties a real deployment sets. */
    public Map<String, String> springProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    /** A valid token for a person with these roles, for 15 minutes. */
    public String token(String user, List<String> roles) {
        return sign(key, claims(user, roles, issuer(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))));
    }

    /** A valid token for someone who holds every role: what the tests of business behaviour use. */
    public String anyRoleToken() {
        return token("test-user", ALL_ROLES);
    }

    public String expiredToken(List<String> roles) {
        return sign(key, claims("late-user", roles, issuer(), AUDIENCE, Instant.now().minus(Duration.ofMinutes(5))));
    }

    public String tokenOfOtherIssuer(List<String> roles) {
        return sign(key, claims("foreign-user", roles, "https://login.example.com", AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(15))));
    }

    public String tokenForOtherAudience(List<String> roles) {
        return sign(key, claims("other-app-user", roles, issuer(), "another-api", Instant.now().plus(Duration.ofMinutes(15))));
    }

    /** Right claims, signed by a key the provider never published: a forgery. */
    public String forgedToken(List<String> roles) {
        return sign(strangerKey, claims("forger", roles, issuer(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))));
    }

    private static JWTClaimsSet claims(String user, List<String> roles, String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder().subject(user).issuer(issuer).audience(audience).claim("roles", roles)
                .claim("preferred_username", user).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(20)))).expirationTime(Date.from(expiry)).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
