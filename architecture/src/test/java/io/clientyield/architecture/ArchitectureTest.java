package io.clientyield.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.clientyield.core.Accumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the library as executable rules (ArchUnit over the compiled main classes of
 * the four library modules): the layering, sealed internals, one accumulator interface and one
 * value technology. CONTRIBUTING.md explains each rule.
 */
class ArchitectureTest {

  private static final JavaClasses LIBRARY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.clientyield");

  /**
   * The public top-level types of the 1.0 contract: the four library modules' exported packages
   * other than the feature packages added on top of it (issue 16 asked for fewer than 90).
   */
  static final int PUBLIC_TYPE_BUDGET = 90;

  /** Packages of features added after the 1.0 contract, counted apart (each at most 12 types). */
  static final Set<String> FEATURE_PACKAGES = Set.of(
      "io.clientyield.profitability.repeat",
      "io.clientyield.funnel.survival",
      "io.clientyield.forecasting.horizon");

  static final int FEATURE_PACKAGE_BUDGET = 12;

  /**
   * Value classes that are not records: scalar types with an exact invariant and a hand-written
   * JSON form (a decimal string for money, a ratio, a calendar) and the scenario definition, which
   * precomputes its transition tables. Everything else with a JSON form is a record or an enum.
   */
  static final Set<String> VALUE_CLASSES_THAT_ARE_NOT_RECORDS = Set.of(
      "io.clientyield.core.Money",
      "io.clientyield.core.Proportion",
      "io.clientyield.core.Rate",
      "io.clientyield.core.BusinessCalendar",
      "io.clientyield.core.scenario.Scenario",
      // not values: a run has no JSON form of its own (its serializer refuses and points to its
      // snapshot); Stages is written as its array of ids and keeps an index by id
      "io.clientyield.core.scenario.ScenarioRun",
      "io.clientyield.funnel.Stages");

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("io.clientyield.core..")
        .should().dependOnClassesThat().resideInAnyPackage("io.clientyield.funnel..",
            "io.clientyield.profitability..", "io.clientyield.forecasting..",
            "io.clientyield.examples..")
        .check(LIBRARY);
  }

  @Test
  void funnelDependsOnlyOnCore() {
    noClasses().that().resideInAPackage("io.clientyield.funnel..")
        .should().dependOnClassesThat().resideInAnyPackage("io.clientyield.profitability..",
            "io.clientyield.forecasting..", "io.clientyield.examples..")
        .check(LIBRARY);
  }

  @Test
  void profitabilityDependsOnlyOnCore() {
    noClasses().that().resideInAPackage("io.clientyield.profitability..")
        .should().dependOnClassesThat().resideInAnyPackage("io.clientyield.funnel..",
            "io.clientyield.forecasting..", "io.clientyield.examples..")
        .check(LIBRARY);
  }

  @Test
  void forecastingDependsOnlyOnCoreAndFunnel() {
    noClasses().that().resideInAPackage("io.clientyield.forecasting..")
        .should().dependOnClassesThat().resideInAnyPackage("io.clientyield.profitability..",
            "io.clientyield.examples..")
        .check(LIBRARY);
  }

  @Test
  void noModuleReachesIntoAnotherModulesInternals() {
    for (String module : List.of("funnel", "profitability", "forecasting")) {
      noClasses().that().resideOutsideOfPackage("io.clientyield." + module + "..")
          .should().dependOnClassesThat().resideInAPackage("io.clientyield." + module + ".internal..")
          .check(LIBRARY);
    }
  }

  /**
   * No public type of an API package shows an internal type in its public surface (supertypes,
   * public fields, public or protected method and constructor signatures): internal packages are
   * not exported, so such a signature could not be used, and would bind users to an internal.
   */
  @Test
  void noPublicSignatureOfTheApiNamesAnInternalType() {
    classes().that().arePublic().and().resideOutsideOfPackage("..internal..")
        .should(exposeNoInternalType())
        .check(LIBRARY);
  }

  @Test
  void everyAccumulatorImplementsTheAccumulatorInterface() {
    classes().that().haveSimpleNameEndingWith("Accumulator").and().areNotInterfaces()
        .should().implement(Accumulator.class)
        .check(LIBRARY);
  }

  @Test
  void valuesAreRecords() {
    noClasses().that().haveSimpleNameStartingWith("Immutable")
        .should().resideInAPackage("io.clientyield..")
        .as("no Immutables abstract value types (values are records; Immutables may only generate"
            + " builders of records)")
        .allowEmptyShould(true)
        .check(LIBRARY);
    classes().that().arePublic().and().resideOutsideOfPackage("..internal..")
        .and(hasAJsonForm())
        .should(beARecordOrEnumOrAListedValueClass())
        .check(LIBRARY);
  }

  @Test
  void thePublicSurfaceStaysSmall() {
    Map<String, Integer> perModule = new TreeMap<>();
    Map<String, Integer> perFeature = new TreeMap<>();
    for (JavaClass c : LIBRARY) {
      if (c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC)
          && !c.getPackageName().contains(".internal")
          && !c.getSimpleName().equals("package-info")) {
        if (FEATURE_PACKAGES.contains(c.getPackageName())) {
          perFeature.merge(c.getPackageName(), 1, Integer::sum);
        } else {
          perModule.merge(c.getPackageName().split("\\.")[2], 1, Integer::sum);
        }
      }
    }
    int total = perModule.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("public top-level types of the contract: " + perModule + ", total " + total
        + "; feature packages: " + perFeature);
    assertThat(perModule.keySet()).containsExactlyInAnyOrder("core", "funnel", "profitability", "forecasting");
    assertThat(total).as("public top-level types %s", perModule).isLessThan(PUBLIC_TYPE_BUDGET);
    assertThat(perFeature.values()).as("public top-level types per feature package %s", perFeature)
        .allMatch(n -> n <= FEATURE_PACKAGE_BUDGET);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> hasAJsonForm() {
    return new com.tngtech.archunit.base.DescribedPredicate<>("have a JSON form") {
      @Override
      public boolean test(JavaClass c) {
        if (c.isRecord() || c.isEnum()) {
          return true;
        }
        boolean annotated = c.getAnnotations().stream()
            .anyMatch(a -> a.getRawType().getPackageName().startsWith("com.fasterxml.jackson"));
        boolean creator = c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(
            "com.fasterxml.jackson.annotation.JsonCreator"))
            || c.getConstructors().stream().anyMatch(m -> m.isAnnotatedWith(
                "com.fasterxml.jackson.annotation.JsonCreator"));
        return annotated || creator;
      }
    };
  }

  private static ArchCondition<JavaClass> beARecordOrEnumOrAListedValueClass() {
    return new ArchCondition<>("be a record, an enum or one of the listed value classes") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        boolean ok = c.isRecord() || c.isEnum() || c.isInterface()
            || VALUE_CLASSES_THAT_ARE_NOT_RECORDS.contains(c.getName())
            || c.isAssignableTo(Throwable.class);
        if (!ok) {
          events.add(SimpleConditionEvent.violated(c, c.getName()
              + " has a JSON form but is neither a record nor an enum"));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no type of an internal package") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        List<String> leaks = new ArrayList<>();
        c.getRawSuperclass().filter(ArchitectureTest::isInternal)
            .ifPresent(s -> leaks.add("extends " + s.getName()));
        c.getRawInterfaces().stream().filter(ArchitectureTest::isInternal)
            .forEach(i -> leaks.add("implements " + i.getName()));
        for (JavaField f : c.getFields()) {
          if (f.getModifiers().contains(JavaModifier.PUBLIC) && isInternal(f.getRawType())) {
            leaks.add("field " + f.getName());
          }
        }
        for (JavaMethod m : c.getMethods()) {
          if (m.getModifiers().contains(JavaModifier.PUBLIC)
              || m.getModifiers().contains(JavaModifier.PROTECTED)) {
            if (isInternal(m.getRawReturnType())) {
              leaks.add(m.getName() + " returns " + m.getRawReturnType().getName());
            }
            m.getRawParameterTypes().stream().filter(ArchitectureTest::isInternal)
                .forEach(p -> leaks.add(m.getName() + " takes " + p.getName()));
          }
        }
        c.getConstructors().stream()
            .filter(k -> k.getModifiers().contains(JavaModifier.PUBLIC))
            .forEach(k -> k.getRawParameterTypes().stream().filter(ArchitectureTest::isInternal)
                .forEach(p -> leaks.add("constructor takes " + p.getName())));
        for (String leak : leaks) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + ": " + leak));
        }
      }
    };
  }

  private static boolean isInternal(JavaClass type) {
    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
    return base.getPackageName().startsWith("io.clientyield") && base.getPackageName().contains(".internal");
  }
}
