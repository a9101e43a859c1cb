package io.flowforge.local;

import io.flowforge.wiring.Wiring;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds handler instances the way the local stack needs them: every handler class (route or scheduled)
 * has a public constructor taking {@link Wiring}, so all of them share one set of clients and services.
 */
final class Handlers {
  private Handlers() {}

  static Object instantiate(String handlerClass, Wiring wiring) {
    try {
      return Class.forName(handlerClass).getConstructor(Wiring.class).newInstance(wiring);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Handler " + handlerClass + " failed to start", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Handler " + handlerClass + " needs a public constructor taking io.flowforge.wiring.Wiring", e);
    }
  }
}
