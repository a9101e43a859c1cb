package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Items;
import io.flowforge.modeling.GenerateModelRequest;
import io.flowforge.modeling.ModelArchive;
import io.flowforge.modeling.ModelService;
import io.flowforge.modeling.ModelVersion;
import io.flowforge.modeling.SavedModel;
import io.flowforge.optimizer.OptimizerService;
import io.flowforge.patterns.PatternService;
import io.flowforge.wiring.Wiring;
import java.util.Base64;
import java.util.Map;

/**
 * The modelling routes: the pattern library ({@code /api/patterns…}), the optimizer and a workspace's models
 * (generate, save, list, versions, zip download).
 */
public final class ModelingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String WORKSPACE = "workspaceId";
  private static final String MODEL = "modelId";
  private static final String VERSION = "version";
  private static final String MODELS = "/api/workspaces/{workspaceId}/models";

  private final PatternService patterns;
  private final ModelService models;
  private final OptimizerService optimizer;

  public ModelingHandler() {
    this(Wiring.fromEnvironment());
  }

  public ModelingHandler(Wiring wiring) {
    this(wiring.patterns(), wiring.models(), wiring.optimizer());
  }

  ModelingHandler(PatternService patterns, ModelService models, OptimizerService optimizer) {
    this.patterns = patterns;
    this.models = models;
    this.optimizer = optimizer;
  }

  /** A save answers 201 when it wrote a model or version and 200 when the content was unchanged. */
  record SaveAnswer(SavedModel model, ModelVersion version, ModelService.SaveOutcome outcome) {}

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return switch (event.getRouteKey()) {
      case "GET /api/patterns" -> Http.respond(event, () -> {
        Http.caller(event);
        return new Items<>(patterns.list());
      });
      case "GET /api/patterns/{category}/{name}" -> Http.respond(event, () -> {
        Http.caller(event);
        return patterns.get(patternId(event));
      });
      case "POST /api/patterns/{category}/{name}/render" -> Http.respond(event, () -> {
        Http.caller(event);
        return patterns.render(patternId(event), Http.body(event, PatternService.RenderRequest.class).parameters());
      });
      case "POST /api/patterns/recommend" -> Http.respond(event, () -> {
        Http.caller(event);
        PatternService.RecommendRequest request = Http.body(event, PatternService.RecommendRequest.class);
        return new Items<>(patterns.recommend(request.need(), request.category(), request.limit() == null ? 5 : request.limit()));
      });
      case "POST /api/workspaces/{workspaceId}/patterns/check" -> Http.respond(event, () -> {
        PatternService.CheckRequest request = Http.body(event, PatternService.CheckRequest.class);
        return patterns.check(Http.caller(event), workspace(event), request.id(), request.files());
      });
      case "POST /api/workspaces/{workspaceId}/patterns" -> Http.respond(event, 201, () -> {
        PatternService.CheckRequest request = Http.body(event, PatternService.CheckRequest.class);
        return patterns.upload(Http.caller(event), workspace(event), request.id(), request.files());
      });
      case "GET /api/workspaces/{workspaceId}/patterns" ->
          Http.respond(event, () -> new Items<>(patterns.listTeam(Http.caller(event), workspace(event))));
      case "POST /api/workspaces/{workspaceId}/patterns/{category}/{name}/render" -> Http.respond(event, () ->
          patterns.renderInWorkspace(Http.caller(event), workspace(event), patternId(event),
              Http.body(event, PatternService.RenderRequest.class).parameters()));
      case "POST /api/optimizer/recommend" -> Http.respond(event, () -> {
        Http.caller(event);
        return optimizer.recommend(Http.body(event, OptimizerService.Request.class));
      });
      case "POST " + MODELS + "/generate" -> Http.respond(event, () ->
          models.generate(Http.caller(event), workspace(event), Http.body(event, GenerateModelRequest.class).toSource()));
      case "POST " + MODELS -> save(event);
      case "GET " + MODELS -> Http.respond(event, () -> new Items<>(models.list(Http.caller(event), workspace(event))));
      case "GET " + MODELS + "/{modelId}" -> Http.respond(event, () ->
          models.get(Http.caller(event), workspace(event), Http.pathParameter(event, MODEL)));
      case "GET " + MODELS + "/{modelId}/versions" -> Http.respond(event, () ->
          new Items<>(models.versions(Http.caller(event), workspace(event), Http.pathParameter(event, MODEL))));
      case "GET " + MODELS + "/{modelId}/versions/{version}" -> Http.respond(event, () ->
          models.version(Http.caller(event), workspace(event), Http.pathParameter(event, MODEL), version(event)));
      case "GET " + MODELS + "/{modelId}/versions/{version}/zip" -> zip(event);
      default -> Http.unknownRoute(event);
    };
  }

  private APIGatewayV2HTTPResponse save(APIGatewayV2HTTPEvent event) {
    try {
      GenerateModelRequest request = Http.body(event, GenerateModelRequest.class);
      ModelService.SaveResult saved = models.save(Http.caller(event), workspace(event), request.name(), request.toSource());
      int status = saved.outcome() == ModelService.SaveOutcome.UNCHANGED ? 200 : 201;
      return Http.json(status, new SaveAnswer(saved.model(), saved.version(), saved.outcome()));
    } catch (RuntimeException e) {
      return Http.problem(event, e);
    }
  }

  private APIGatewayV2HTTPResponse zip(APIGatewayV2HTTPEvent event) {
    try {
      String modelId = Http.pathParameter(event, MODEL);
      SavedModel model = models.get(Http.caller(event), workspace(event), modelId);
      ModelVersion version = models.version(Http.caller(event), workspace(event), modelId, version(event));
      String folder = ModelArchive.folderName(model.name(), version.version());
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(200)
          .withHeaders(Map.of(
              "content-type", "application/zip",
              "content-disposition", "attachment; filename=\"" + folder + ".zip\"",
              "cache-control", "no-store"))
          .withBody(Base64.getEncoder().encodeToString(ModelArchive.zip(folder, version.model())))
          .withIsBase64Encoded(true)
          .build();
    } catch (RuntimeException e) {
      return Http.problem(event, e);
    }
  }

  private static String workspace(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, WORKSPACE);
  }

  private static String patternId(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, "category") + "/" + Http.pathParameter(event, "name");
  }

  /** Version numbers are positive integers; anything else names no version, so it is a 404. */
  private static long version(APIGatewayV2HTTPEvent event) {
    String text = Http.pathParameter(event, VERSION);
    if (!text.matches("[1-9][0-9]{0,8}")) {
      throw FlowForgeException.notFound("Version " + (text.length() > 12 ? text.substring(0, 12) + "…" : text.replaceAll("[^0-9A-Za-z]", "?")));
    }
    return Long.parseLong(text);
  }
}
