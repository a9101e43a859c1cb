package io.flowforge.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** The Lambda {@link Context} the local stack passes to handlers: the request id and a logger. */
record LocalContext(String awsRequestId, String functionName) implements Context {
  private static final Logger LOG = Logger.getLogger("io.flowforge.local.handler");
  private static final LambdaLogger LAMBDA_LOGGER =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          LOG.info(message);
        }

        @Override
        public void log(byte[] message) {
          LOG.info(new String(message, StandardCharsets.UTF_8));
        }
      };

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "local";
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "local:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 30_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return LAMBDA_LOGGER;
  }
}
