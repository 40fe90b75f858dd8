package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.SettingSource;
import com.bffaccounting.gate.io.Daemons;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * In the checklist's JVM ({@code gate.startEarly}, set by Failsafe's checklist execution only): starts
 * the run scope — settings, then the targets (the simulated pilot, its Prometheus) — as soon as JUnit
 * opens its session, while Cucumber is still parsing the features and scanning the glue. Composing the
 * run and Prometheus's five-second wait for its first scrape then begin a second earlier. The first
 * scenario's hook ({@code GateRun.start}) finds the run started, or waits for it; a run that could not
 * be set up is reported there, as before.
 *
 * <p>When no scenario ran (a tag filter that selects none), Cucumber's run hooks do not stop the run it
 * started: the end of the test plan does, so that its servers do not wait for the JVM's exit.
 */
public final class StartRunEarly implements LauncherSessionListener, TestExecutionListener {
    static final String PROPERTY = "gate.startEarly";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        SettingSource.protectSystemProperties(); // the settings are read from the properties as they were before masking
        Daemons.start("gate-run-start", GateRun::start);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Boolean.getBoolean(PROPERTY)) {
            GateRun.stop(); // nothing to do when the run hooks have stopped it
        }
    }
}
