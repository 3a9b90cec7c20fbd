package io.clientyield.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientyield.core.BusinessCalendar;
import io.clientyield.core.DealId;
import io.clientyield.core.Money;
import io.clientyield.core.Outcome;
import io.clientyield.core.Proportion;
import io.clientyield.core.ValidationException;
import io.clientyield.core.ValidationException;
import io.clientyield.funnel.leads.ChannelComparison;
import io.clientyield.funnel.leads.LeadInputs;
import io.clientyield.funnel.leads.LeadQuantity;
import io.clientyield.funnel.probability.StageProbabilities.Smoothing;
import io.clientyield.funnel.probability.StageProbabilities;
import io.clientyield.funnel.probability.StageProbabilities.StageProbability;
import io.clientyield.funnel.time.StageNorms;
import io.clientyield.funnel.internal.WorkingDayHistogram;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every public static factory and public constructor of the funnel module (outside the
 * {@code events} package, whose folders have their own tests; enums' generated {@code valueOf}
 * is the JDK's) answers a null argument, a list,
 * array or iterable with a null element (the message names its index), and a map with a null key or value with a
 * {@link ValidationException} naming a field, never with a {@link NullPointerException} from
 * deep inside. The other arguments get ordinary valid values, so each null is the only fault.
 */
class NullArgumentsTest {
  private static final Currency EUR = Money.currency("EUR");
  private static final Stages STAGES = Stages.of("contact", "proposal");
  private static final Map<Class<?>, Supplier<Object>> SAMPLES = new HashMap<>();

  static {
    SAMPLES.put(String.class, () -> "contact");
    SAMPLES.put(Stages.class, () -> STAGES);
    SAMPLES.put(Currency.class, () -> EUR);
    SAMPLES.put(Money.class, () -> Money.of("10.00", "EUR"));
    SAMPLES.put(Proportion.class, () -> Proportion.of(1, 2));
    SAMPLES.put(Smoothing.class, () -> Smoothing.LAPLACE);
    SAMPLES.put(LocalDate.class, () -> LocalDate.of(2026, 3, 2));
    SAMPLES.put(BusinessCalendar.class, () -> BusinessCalendar.MONDAY_TO_FRIDAY);
    SAMPLES.put(StageNorms.class, () -> StageNorms.none(STAGES));
    SAMPLES.put(StageProbabilities.class, () -> StageProbabilities.configured(STAGES, 0.2, 0.6));
    SAMPLES.put(WorkingDayHistogram.class, () -> WorkingDayHistogram.of(1, 2));
    SAMPLES.put(DealId.class, () -> DealId.of("D-1"));
    SAMPLES.put(Outcome.Kind.class, () -> Outcome.Kind.CLIENT_REFUSED);
    SAMPLES.put(Optional.class, Optional::empty);
    SAMPLES.put(Function.class, () -> (Function<Object, Object>) d -> "key");
    SAMPLES.put(ChannelComparison.Defaults.class, ChannelComparison.Defaults::none);
    SAMPLES.put(LeadInputs.class, () -> LeadInputs.builder().set(LeadQuantity.LEADS, 100).set(LeadQuantity.CR, 0.1).build());
    SAMPLES.put(Deal.class, () -> Deal.builder().id(DealId.of("D-1")).reachedStage("contact").build());
    SAMPLES.put(StageProbability.class, () -> StageProbability.configured("contact", 0.2));
    SAMPLES.put(ChannelComparison.Channel.class, () -> ChannelComparison.Channel.of("web", (LeadInputs) sample(LeadInputs.class)));
    SAMPLES.put(List.class, List::of);
    SAMPLES.put(Collection.class, List::of);
    SAMPLES.put(Iterable.class, List::of);
    SAMPLES.put(Map.class, Map::of);
  }

  @Test
  void everyPublicFactoryRejectsNullsWithAValidationException() throws Exception {
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (Class<?> type : publicClasses()) {
      for (Executable factory : factories(type)) {
        Parameter[] params = factory.getParameters();
        for (int i = 0; i < params.length; i++) {
          for (Object bad : badValues(params[i])) {
            Object[] args = new Object[params.length];
            for (int j = 0; j < params.length; j++) {
              args[j] = j == i ? bad : sample(params[j].getType());
            }
            calls++;
            String problem = call(factory, args, nullIndex(bad));
            if (problem != null) {
              failures.add(signature(factory) + " with " + params[i].getName() + " = "
                  + describe(bad) + ": " + problem);
            }
          }
        }
      }
    }
    assertThat(calls).as("factories probed").isGreaterThan(50);
    assertThat(failures).isEmpty();
  }

  /**
   * Null, and for containers a container holding a null: alone, and after a valid element (so
   * that the index in the message must be 1).
   */
  private static List<Object> badValues(Parameter param) {
    Class<?> type = param.getType();
    List<Object> out = new ArrayList<>();
    if (type.isPrimitive()) {
      return out;
    }
    out.add(null);
    if (type == List.class || type == Collection.class || type == Iterable.class) {
      out.add(Collections.singletonList(null));
      if (param.getParameterizedType() instanceof ParameterizedType p
          && p.getActualTypeArguments()[0] instanceof Class<?> element
          && sample(element) != null) {
        out.add(Arrays.asList(sample(element), null));
      }
    } else if (type == Map.class) {
      Map<Object, Object> nullValue = new HashMap<>();
      nullValue.put("contact", null);
      out.add(nullValue);
      Map<Object, Object> nullKey = new HashMap<>();
      nullKey.put(null, 1L);
      out.add(nullKey);
    } else if (type.isArray() && !type.getComponentType().isPrimitive()) {
      Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), 2);
      java.lang.reflect.Array.set(array, 0, sample(type.getComponentType()));
      out.add(array);
    } else if (type == Optional.class) {
      return out; // Optional parameters of records accept null as empty
    }
    return out;
  }

  private static Object sample(Class<?> type) {
    if (type == int.class) {
      return 1;
    }
    if (type == long.class) {
      return 1L;
    }
    if (type == double.class) {
      return 0.5;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type.isArray()) {
      Class<?> c = type.getComponentType();
      if (c == long.class) {
        return new long[] {1};
      }
      if (c == double.class) {
        return new double[] {0.2, 0.6};
      }
      if (c == String.class) {
        return new String[] {"contact", "proposal"};
      }
      return java.lang.reflect.Array.newInstance(c, 0);
    }
    Supplier<Object> s = SAMPLES.get(type);
    return s == null ? null : s.get();
  }

  /** The index of the null in a list or array holding one, else -1. */
  private static int nullIndex(Object bad) {
    if (bad instanceof List<?> l) {
      return l.indexOf(null);
    }
    if (bad != null && bad.getClass().isArray()) {
      return Arrays.asList((Object[]) bad).indexOf(null);
    }
    return -1;
  }

  /**
   * Returns null if the call returned or threw a ValidationException naming a field (and, for a
   * null element, its index), else the problem.
   */
  private static String call(Executable factory, Object[] args, int index) throws Exception {
    try {
      if (factory instanceof Method m) {
        m.invoke(null, args);
      } else {
        ((Constructor<?>) factory).newInstance(args);
      }
      return null;
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      if (t instanceof ValidationException v) {
        for (ValidationException.Violation violation : v.violations()) {
          if (violation.field() == null || violation.field().isBlank()) {
            return "a violation names no field: " + v.getMessage();
          }
        }
        if (index >= 0 && v.violations().stream().noneMatch(x -> x.field().contains("[" + index + "]"))) {
          return "no violation names the index [" + index + "]: " + v.getMessage();
        }
        return null;
      }
      return t.getClass().getSimpleName() + ": " + t.getMessage() + " at " + t.getStackTrace()[0];
    }
  }

  private static List<Executable> factories(Class<?> type) {
    List<Executable> out = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
          && !m.isSynthetic() && m.getParameterCount() > 0) {
        out.add(m);
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (Modifier.isPublic(c.getModifiers()) && c.getParameterCount() > 0) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<Class<?>> publicClasses() throws URISyntaxException, ClassNotFoundException {
    URL root = Stages.class.getResource("Stages.class");
    File dir = new File(root.toURI()).getParentFile();
    List<Class<?>> out = new ArrayList<>();
    collect(dir, "io.clientyield.funnel", out);
    assertThat(out).as("public classes found under " + dir).hasSizeGreaterThan(30);
    return out;
  }

  private static void collect(File dir, String pkg, List<Class<?>> out) throws ClassNotFoundException {
    File[] files = dir.listFiles();
    if (files == null) {
      return;
    }
    Arrays.sort(files);
    for (File f : files) {
      if (f.isDirectory()) {
        if (!f.getName().equals("events")) {
          collect(f, pkg + "." + f.getName(), out);
        }
      } else if (f.getName().endsWith(".class") && !f.getName().contains("$")
         ) {
        Class<?> c = Class.forName(pkg + "." + f.getName().replace(".class", ""));
        if (Modifier.isPublic(c.getModifiers()) && !c.isEnum()) {
          out.add(c);
        }
      }
    }
  }

  private static String signature(Executable e) {
    StringBuilder b = new StringBuilder(e.getDeclaringClass().getSimpleName());
    b.append(e instanceof Method ? "." + e.getName() : ".<init>").append('(');
    for (int i = 0; i < e.getParameterCount(); i++) {
      b.append(i == 0 ? "" : ", ").append(e.getParameterTypes()[i].getSimpleName());
    }
    return b.append(')').toString();
  }

  private static String describe(Object value) {
    if (value != null && value.getClass().isArray()) {
      return Arrays.deepToString((Object[]) value);
    }
    return String.valueOf(value);
  }
}
