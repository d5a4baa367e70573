package org.clearpath.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.keycloak.KeycloakClientPortalAccounts;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo cases for the local stack ({@code clearpath.demo-data=true}), opened through the same use
 * case as a counselor would, for the demo users of the dev realm. Only when there are no cases yet.
 */
@Singleton
@Requires(property = "clearpath.demo-data", value = "true")
public class DemoData {
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private final CaseFileService cases;
  private final KeycloakClientPortalAccounts accounts;

  DemoData(CaseFileService cases, KeycloakClientPortalAccounts accounts) {
    this.cases = cases;
    this.accounts = accounts;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    var supervisor = new Actor(new UserId("demo-data"), "demo-data", Set.of(Role.SUPERVISOR));
    if (!cases.visibleTo(supervisor).isEmpty()) {
      LOG.info("demo data: cases exist already, nothing added");
      return;
    }
    var wang = counselor("counselor.wang");
    var li = counselor("counselor.li");
    open(wang, "陈小明 Chen Xiaoming", "client.chen");
    open(wang, "刘芳 Liu Fang", "client.liu");
    open(li, "张伟 Zhang Wei", null);
    LOG.info("demo data: 3 cases opened");
  }

  private Actor counselor(String username) {
    var id = accounts.findByUsername(username).orElseThrow(() -> missing(username));
    return new Actor(id, username, Set.of(Role.COUNSELOR));
  }

  private void open(Actor counselor, String clientName, String clientUsername) {
    Optional<UserId> login =
        clientUsername == null
            ? Optional.empty()
            : Optional.of(
                accounts.findByUsername(clientUsername).orElseThrow(() -> missing(clientUsername)));
    cases.open(new OpenCase(new ClientName(clientName), login), counselor);
  }

  private static IllegalStateException missing(String username) {
    return new IllegalStateException(
        "demo user " + username + " is not in the realm; start Keycloak with the dev import");
  }
}
