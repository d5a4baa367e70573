package org.clearpath.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(
    info =
        @Info(
            title = "Clearpath",
            version = "0.1",
            description = "Case management for nonprofit debt counselors",
            license = @License(name = "Apache-2.0")),
    security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "session")})
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "An access token from the Clearpath Keycloak realm")
@SecurityScheme(
    name = "session",
    type = SecuritySchemeType.APIKEY,
    in = io.swagger.v3.oas.annotations.enums.SecuritySchemeIn.COOKIE,
    paramName = "JWT",
    description =
        "The browser session cookie set after the Keycloak login; unsafe methods also need the"
            + " X-XSRF-TOKEN header matching the XSRF-TOKEN cookie")
public class Application {
  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
