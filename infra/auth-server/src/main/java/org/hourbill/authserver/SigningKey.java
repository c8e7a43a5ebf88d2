package org.hourbill.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The key tokens are signed with, kept in {@code hourbill.identity.signing-key-file} (a JWK with its private part) so
 * that a restart does not sign everyone out; made and written there on first start. Without a file, a key per run.
 */
@Configuration(proxyBeanMethods = false)
class SigningKey {

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${hourbill.identity.signing-key-file:}") String file) {
        return new ImmutableJWKSet<>(new JWKSet(file.isBlank() ? generate() : loadOrCreate(Path.of(file))));
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) return RSAKey.parse(Files.readString(file));
            RSAKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " holds no RSA JWK", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
