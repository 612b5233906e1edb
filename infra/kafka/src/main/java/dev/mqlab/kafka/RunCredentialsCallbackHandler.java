package dev.mqlab.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;

/**
 * SASL/PLAIN check of MQ Lab's broker. Two kinds of account exist, and neither is stored on
 * the broker, so a run needs no set-up here:
 *
 * <ul>
 *   <li>{@code mqlab}, the MQ Lab server (a super user), with the admin password;
 *   <li>{@code run-<id>}, one learner run, whose password is HMAC-SHA256(authKey, username) in
 *       base64url without padding — what server/brokers/secrets.ts {@code runSecret} derives.
 * </ul>
 *
 * <p>Both secrets come from the file named by the listener's JAAS option {@code authFile}
 * (properties {@code adminPassword} and {@code authKey}; MQ Lab's local broker), or else from
 * the environment variables {@code MQLAB_KAFKA_ADMIN_PASSWORD} and {@code MQLAB_KAFKA_AUTH_KEY}
 * (docker-compose.yml). Never from a command line.
 */
public final class RunCredentialsCallbackHandler implements AuthenticateCallbackHandler {
  static final String ADMIN_USER = "mqlab";
  static final String RUN_USER_PREFIX = "run-";

  private byte[] adminPassword;
  private byte[] authKey;

  @Override
  public void configure(
      Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> jaasConfigEntries) {
    Object authFile = null;
    for (AppConfigurationEntry entry : jaasConfigEntries) {
      authFile = entry.getOptions().get("authFile");
      if (authFile != null) break;
    }
    Properties secrets =
        authFile != null ? readSecrets(Path.of(authFile.toString())) : secretsFromEnvironment();
    adminPassword = required(secrets, "adminPassword");
    authKey = required(secrets, "authKey");
  }

  @Override
  public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
    String username = null;
    for (Callback callback : callbacks) {
      if (callback instanceof NameCallback) {
        username = ((NameCallback) callback).getDefaultName();
      } else if (callback instanceof PlainAuthenticateCallback) {
        PlainAuthenticateCallback plain = (PlainAuthenticateCallback) callback;
        plain.authenticated(authenticate(username, plain.password()));
      } else {
        throw new UnsupportedCallbackException(callback);
      }
    }
  }

  @Override
  public void close() {}

  /** Whether `password` is this user's; every other name is refused. */
  boolean authenticate(String username, char[] password) {
    if (username == null || password == null) return false;
    byte[] given = new String(password).getBytes(StandardCharsets.UTF_8);
    if (username.equals(ADMIN_USER)) return MessageDigest.isEqual(given, adminPassword);
    if (username.startsWith(RUN_USER_PREFIX) && username.length() > RUN_USER_PREFIX.length()) {
      return MessageDigest.isEqual(given, runSecret(authKey, username));
    }
    return false;
  }

  /** HMAC-SHA256(key, name), base64url without padding: Node's digest('base64url'). */
  static byte[] runSecret(byte[] key, String name) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encode(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static Properties readSecrets(Path file) {
    Properties secrets = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      secrets.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read MQ Lab's Kafka secrets from " + file + ": " + e);
    }
    return secrets;
  }

  private static Properties secretsFromEnvironment() {
    Properties secrets = new Properties();
    putIfSet(secrets, "adminPassword", System.getenv("MQLAB_KAFKA_ADMIN_PASSWORD"));
    putIfSet(secrets, "authKey", System.getenv("MQLAB_KAFKA_AUTH_KEY"));
    return secrets;
  }

  private static void putIfSet(Properties secrets, String name, String value) {
    if (value != null) secrets.setProperty(name, value);
  }

  private static byte[] required(Properties secrets, String name) {
    String value = secrets.getProperty(name, "").trim();
    if (value.isEmpty()) {
      throw new ConfigException(
          "MQ Lab's Kafka secret " + name + " is missing (JAAS option authFile, or environment)");
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
