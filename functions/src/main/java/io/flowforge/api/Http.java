package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.core.RetryAfterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What every handler needs to translate between API Gateway HTTP API (payload v2) events and core calls:
 * strict body parsing with errors that point at the field, the caller's identity, JSON answers, and the
 * one mapping from failures to RFC 9457 problem documents.
 */
public final class Http {
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = Logger.getLogger(Http.class.getName());

  private Http() {}

  /** Runs the action and answers 200 with its result as JSON, or a problem document if it fails. */
  public static APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, Supplier<?> action) {
    return respond(event, 200, action);
  }

  /** Runs the action and answers {@code status} with its result as JSON, or a problem document. */
  public static APIGatewayV2HTTPResponse respond(
      APIGatewayV2HTTPEvent event, int status, Supplier<?> action) {
    try {
      return json(status, action.get());
    } catch (RuntimeException e) {
      return problem(event, e);
    }
  }

  /** Runs the action and answers 204 without a body, or a problem document. */
  public static APIGatewayV2HTTPResponse respondNoContent(APIGatewayV2HTTPEvent event, Runnable action) {
    try {
      action.run();
      return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
    } catch (RuntimeException e) {
      return problem(event, e);
    }
  }

  /** A JSON answer; {@code body} is serialised with {@link Json#mapper()}. */
  public static APIGatewayV2HTTPResponse json(int status, Object body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(Map.of("content-type", JSON, "cache-control", "no-store"))
        .withBody(write(body))
        .build();
  }

  /** The answer for a route key the handler does not serve (a wiring mistake, not a client error). */
  public static APIGatewayV2HTTPResponse unknownRoute(APIGatewayV2HTTPEvent event) {
    return problem(
        event,
        new FlowForgeException(
            ProblemType.NOT_FOUND,
            "No route " + event.getRouteKey() + ". See /api/openapi.json for the routes this API serves."));
  }

  /**
   * Parses the request body into {@code type}. Malformed JSON, a wrong type or an unknown field becomes a
   * 400 whose {@code pointer} names the field.
   */
  public static <T> T body(APIGatewayV2HTTPEvent event, Class<T> type) {
    String raw = event.getBody();
    if (raw == null || raw.isBlank()) {
      throw FlowForgeException.badRequest(
          "The request body is empty. Send a JSON object with Content-Type: application/json.");
    }
    String text =
        event.getIsBase64Encoded()
            ? new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8)
            : raw;
    try {
      T value = Json.mapper().readValue(text, type);
      if (value == null) {
        throw FlowForgeException.badRequest("The request body is JSON null. Send a JSON object.");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw bodyProblem(e, type);
    }
  }

  /** The authenticated caller, from the JWT authorizer's {@code sub} claim. */
  public static Caller caller(APIGatewayV2HTTPEvent event) {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
        .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
        .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
        .map(claims -> claims.get("sub"))
        .filter(sub -> !sub.isBlank())
        .map(Caller::new)
        .orElseThrow(
            () ->
                new FlowForgeException(
                    ProblemType.UNAUTHORIZED,
                    "This route needs a signed-in user. Send Authorization: Bearer <token>."));
  }

  /** A path parameter the route template declares, e.g. {@code workspaceId}. */
  public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
    return Optional.ofNullable(event.getPathParameters())
        .map(parameters -> parameters.get(name))
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> FlowForgeException.badRequest("The path parameter " + name + " is missing."));
  }

  /** The request id used in logs and problem documents. */
  public static String requestId(APIGatewayV2HTTPEvent event) {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
        .orElseGet(() -> UUID.randomUUID().toString());
  }

  /**
   * The one mapping from failures to RFC 9457 problem documents. Expected failures keep their detail;
   * anything else is logged with the request id and answered with a generic 500 that reveals nothing.
   */
  public static APIGatewayV2HTTPResponse problem(APIGatewayV2HTTPEvent event, RuntimeException failure) {
    String requestId = requestId(event);
    if (failure instanceof RetryAfterException retry) {
      APIGatewayV2HTTPResponse response =
          problem(retry.type(), retry.getMessage(), retry.pointer(), event.getRawPath(), requestId);
      Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
      headers.put("retry-after", Long.toString(retry.retryAfterSeconds()));
      response.setHeaders(headers);
      return response;
    }
    if (failure instanceof FlowForgeException expected) {
      return problem(expected.type(), expected.getMessage(), expected.pointer(), event.getRawPath(), requestId);
    }
    LOG.log(Level.SEVERE, "Unexpected failure serving request " + requestId, failure);
    return problem(
        ProblemType.INTERNAL,
        "Something went wrong on our side. Retry later; if it keeps failing, report request id "
            + requestId
            + ".",
        null,
        event.getRawPath(),
        requestId);
  }

  /** A problem document built from its parts; the local server uses it for failures before dispatch. */
  public static APIGatewayV2HTTPResponse problem(
      ProblemType type, String detail, String pointer, String instance, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.status());
    body.put("detail", detail);
    body.put("instance", instance);
    body.put("requestId", requestId);
    if (pointer != null) {
      body.put("pointer", pointer);
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(type.status())
        .withHeaders(Map.of("content-type", PROBLEM_JSON, "cache-control", "no-store"))
        .withBody(write(body))
        .build();
  }

  private static FlowForgeException bodyProblem(JsonProcessingException e, Class<?> type) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      return FlowForgeException.invalid(
          pointer(unknown.getPath()),
          "Unknown field \"" + unknown.getPropertyName() + "\". Allowed fields: " + known + ".");
    }
    if (e instanceof InvalidFormatException invalid) {
      return FlowForgeException.invalid(
          pointer(invalid.getPath()),
          "The value " + invalid.getValue() + " is not a valid " + typeName(invalid.getTargetType()) + ".");
    }
    if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      return FlowForgeException.invalid(
          pointer(mismatched.getPath()),
          "The field has the wrong type: expected " + typeName(mismatched.getTargetType()) + ".");
    }
    if (e instanceof MismatchedInputException) {
      return FlowForgeException.badRequest(
          "The request body must be a JSON object describing a " + type.getSimpleName() + ".");
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return new FlowForgeException(
        ProblemType.BAD_REQUEST, "The request body is not valid JSON" + where + ". Fix the syntax and retry.", "", null);
  }

  private static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      pointer.append('/');
      if (reference.getFieldName() != null) {
        pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else {
        pointer.append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == String.class) {
      return "string";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    return "object";
  }

  private static String write(Object body) {
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer could not be serialised", e);
    }
  }
}
