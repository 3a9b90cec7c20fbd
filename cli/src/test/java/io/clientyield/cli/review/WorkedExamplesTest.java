package io.clientyield.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clientyield.core.Money;
import io.clientyield.core.json.ClientyieldJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkedExamplesTest {

  private static final WorkedExamples WORKED = WorkedExamples.compute();

  @Test
  void leadMoneyIsMoneyNotADouble() {
    // CPL = 800 / 40, CAC = 800 / 4
    assertThat(WORKED.costPerLead()).isEqualTo(Money.of("20.00", "EUR"));
    assertThat(WORKED.costPerContract()).isEqualTo(Money.of("200.00", "EUR"));
    assertThat(WORKED.leads()).doesNotContainKeys("paid.costPerLead", "paid.costPerContract");
  }

  @Test
  void moneyIsWrittenAsAnExactDecimalInMoneysJsonForm() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(ClientyieldJson.write(WORKED));
    assertThat(tree.get("costPerLead").get("amount").isTextual()).isTrue();
    assertThat(tree.get("costPerLead").get("amount").asText()).isEqualTo("20.00");
    assertThat(tree.get("costPerLead").get("currency").asText()).isEqualTo("EUR");
    assertThat(tree.get("costPerContract").get("amount").asText()).isEqualTo("200.00");
    assertThat(tree.get("additivePlan").get("amount").asText()).isEqualTo("125000000.00");
    // the leads map carries counts and ratios only
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : tree.get("leads").properties()) {
      names.add(e.getKey());
    }
    assertThat(names).noneMatch(n -> n.contains("cost"));
    // no amount anywhere in the document is a JSON number
    assertThat(numericAmounts(tree, "")).isEmpty();
  }

  @Test
  void jsonRoundTrip() {
    String json = ClientyieldJson.write(WORKED);
    WorkedExamples back = ClientyieldJson.read(json, WorkedExamples.class);
    assertThat(back).isEqualTo(WORKED);
    assertThat(ClientyieldJson.write(back)).isEqualTo(json);
  }

  private static List<String> numericAmounts(JsonNode node, String path) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String p = path + "/" + e.getKey();
        if (e.getKey().equals("amount") && !e.getValue().isTextual()) {
          out.add(p);
        }
        out.addAll(numericAmounts(e.getValue(), p));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.addAll(numericAmounts(node.get(i), path + "/" + i));
      }
    }
    return out;
  }
}
