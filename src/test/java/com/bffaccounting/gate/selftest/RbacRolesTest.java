package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.kube.CheckPermissions;
import com.bffaccounting.gate.kube.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Roles shipped in deploy/rbac/ are sufficient — a verify run as the verify account and a deploy and
 * rollback run as the deploy account are healthy — and necessary: with any one rule of the verify Role
 * taken away, exactly the checks that need it are INCONCLUSIVE, naming the permission, and none FAILS.
 * The simulated API server enforces the rules as RBAC would (sim.user, sim.userRules). Rules that no line
 * always needs — events, read for the evidence of a failing rollout (EvidenceSurvivesTest), and ConfigMaps
 * and PVCs, read only for a chart that references one — are not run without: no line asks for them first.
 * The runs leave out the external-sync checks, which wait on Prometheus and need no permission of the cluster.
 */
class RbacRolesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void theShippedRolesAreSufficient() {
        FeatureRun verify = FeatureRun.runTagged("rbac-verify", Map.of("env", "sim", "sim.user", "verify"), FeatureRun.CLUSTER_CHECKS);
        assertThat(verify.failedIds()).as(verify.describe()).isEmpty();
        assertThat(verify.inconclusiveIds()).as(verify.describe()).isEmpty();
        FeatureRun deploy = FeatureRun.runTagged("rbac-deploy", Map.of("env", "sim", "sim.user", "deploy", "deploy", "true",
                "rollback", "true"), FeatureRun.CLUSTER_CHECKS);
        assertThat(deploy.failedIds()).as(deploy.describe()).isEmpty();
        assertThat(deploy.inconclusiveIds()).as(deploy.describe()).isEmpty();
        assertThat(deploy.idsWith(CheckStatus.PASS)).contains("C5.1", "C13.1");
    }

    @Test
    void eachRuleOfTheVerifyRoleIsNeededByExactlyTheChecksThatNeedIt() throws Exception {
        List<JsonNode> documents = YAML.readValues(new YAMLFactory().createParser(Path.of("deploy/rbac/verify.yaml").toFile()),
                JsonNode.class).readAll();
        ObjectNode role = (ObjectNode) documents.stream().filter(d -> d.path("kind").asText().equals("Role")).findFirst().orElseThrow();
        ArrayNode rules = (ArrayNode) role.path("rules");
        Map<String, List<Permission>> needed = CheckPermissions.needed("accounting", false);
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            ObjectNode fewer = role.deepCopy();
            ((ArrayNode) fewer.path("rules")).remove(i);
            Path file = dir.resolve("verify-without-rule-" + i + ".yaml");
            Files.writeString(file, YAML.writeValueAsString(fewer));
            Set<String> expected = new TreeSet<>();
            needed.forEach((id, permissions) -> {
                if (permissions.stream().anyMatch(p -> grants(rule, p))) {
                    expected.add(id);
                }
            });
            if (expected.isEmpty()) {
                // a rule no line always needs (events, ConfigMaps, PVCs) leaves every line judged by construction:
                // CheckPermissions asks nothing of it, and what reads it on failure is EvidenceSurvivesTest's business
                continue;
            }
            FeatureRun run = FeatureRun.runTagged("rbac-without-rule-" + i, new HashMap<>(Map.of("env", "sim", "sim.user", "verify",
                    "sim.userRules", file.toString())), FeatureRun.CLUSTER_CHECKS);
            String which = "without rule " + i + " " + rule;
            assertThat(run.failedIds()).as(which + "\n" + run.describe()).isEmpty();
            assertThat(run.inconclusiveIds()).as(which + "\n" + run.describe()).isEqualTo(expected);
            run.results().stream().filter(r -> r.status() == CheckStatus.INCONCLUSIVE)
                    .forEach(r -> assertThat(r.message()).as(which).contains("kubectl auth can-i"));
        }
    }

    @Test
    void kubernetesViewRoleReadsNoSecretSoAChartReadingOneIsUndecidedNeverFailed() throws Exception {
        FeatureRun view = FeatureRun.runTagged("rbac-view", Map.of("env", "sim", "sim.user", "view"), FeatureRun.CLUSTER_CHECKS);
        assertThat(view.failedIds()).as(view.describe()).isEmpty();
        // the view role may not port-forward: every check that asks the BFF says so
        assertThat(view.inconclusiveIds()).as(view.describe()).containsExactlyInAnyOrder("C5.2", "C7.1", "C11.1", "C11.2", "C11.3", "C11.4");
    }

    private static boolean grants(JsonNode rule, Permission p) {
        return has(rule.path("apiGroups"), p.group()) && has(rule.path("resources"), p.resource()) && has(rule.path("verbs"), p.verb());
    }

    private static boolean has(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
