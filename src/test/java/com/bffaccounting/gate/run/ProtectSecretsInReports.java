package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.SettingSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any test of a Surefire or Failsafe fork runs, masks the secrets among the JVM's system
 * properties (they came from -D): Failsafe copies every property into the JUnit XML of a failing run,
 * whatever {@code enablePropertiesElement} says. The settings keep the real values.
 */
public final class ProtectSecretsInReports implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        SettingSource.protectSystemProperties();
    }
}
