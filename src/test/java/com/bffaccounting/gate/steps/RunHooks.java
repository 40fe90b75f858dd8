package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.run.GateRun;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import io.qameta.allure.Allure;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** Run and scenario lifecycle: the run scope, report labels, and evidence attached when a check does not pass. */
public class RunHooks {
    private static final ChecklistCatalog CATALOG = ChecklistCatalog.load();
    private final Evidence evidence;

    public RunHooks(Evidence evidence) {
        this.evidence = evidence;
    }

    @BeforeAll
    public static void startRun() {
        GateRun.start();
    }

    @AfterAll
    public static void stopRun() {
        GateRun.stop();
    }

    /** Epic = checklist section (Korean — English), so the behaviours tree reads like the checklist. */
    @Before(order = 0)
    public void labelWithChecklistSection(Scenario scenario) {
        if (Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return; // not running under the Allure plugin (the fault matrix runs without it)
        }
        Set<String> sections = new LinkedHashSet<>();
        for (String tag : scenario.getSourceTagNames()) {
            ChecklistCatalog.idOf(tag).flatMap(CATALOG::item).ifPresent(item -> sections.add(item.section()));
        }
        sections.stream().filter(s -> !s.startsWith("설계")).findFirst().ifPresent(Allure::epic);
    }

    @After(order = 0)
    public void attachEvidenceUnlessPassed(Scenario scenario) {
        if (scenario.getStatus() == io.cucumber.java.Status.PASSED) {
            return;
        }
        for (Evidence.Item item : evidence.items()) {
            String content = item.content().get();
            if (!content.isBlank()) {
                scenario.attach(content.getBytes(StandardCharsets.UTF_8), item.mediaType(), item.name());
            }
        }
    }
}
